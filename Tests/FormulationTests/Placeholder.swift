import Testing

@Test func placeholderFormulationTests() {}
