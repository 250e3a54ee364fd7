#!/usr/bin/env python3
"""Screenshots of the board room (docs/board-room.md) for a person to look at: each scenario at
1400 px and 400 px wide, in English and Vietnamese, once an evaluation has completed. Not a test:
it asserts nothing; it writes PNG files.

Usage: screenshots.py SYMBIOSIS_BINARY OUT_DIR SCENARIO.yaml...   (full-page PNGs into OUT_DIR)"""
import os, re, shutil, subprocess, sys, tempfile, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def shoot(binary, out, scenario, work):
    env = dict(os.environ, SYMBIOSIS_HISTORY=os.path.join(work, "history.sqlite"))
    server = subprocess.Popen([binary, "serve", scenario, "--port", "0", "--output", os.path.join(work, "out")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    driver = None
    try:
        url = re.search(r"(http://\S+/)", server.stdout.readline()).group(1)
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        name = os.path.splitext(os.path.basename(scenario))[0]
        for lang in ["en", "vi"]:
            for width in [1400, 400]:
                driver.set_window_size(width, 1000)
                driver.get(url)
                driver.execute_script(f"localStorage.setItem('boardRoomLang', '{lang}')")
                driver.get(url)
                started = time.monotonic()
                WebDriverWait(driver, 900, poll_frequency=0.2).until(
                    lambda d: int(d.find_element(By.TAG_NAME, "body").get_attribute("data-evaluations") or 0) >= 1)
                time.sleep(0.5)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, height + 150)
                time.sleep(0.5)
                path = os.path.join(out, f"{name}-{lang}-{width}.png")
                driver.save_screenshot(path)
                print(f"{path}: {height} px high, {time.monotonic() - started:.1f} s to the first answer")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a Monte Carlo refinement still running
            server.kill()
            server.wait()


def main():
    binary, out, scenarios = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    for scenario in scenarios:
        work = tempfile.mkdtemp(prefix="board-room-shots-")
        try:
            shoot(binary, out, os.path.abspath(scenario), work)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
