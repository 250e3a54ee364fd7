// Formulation module.
