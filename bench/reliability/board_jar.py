"""Runs the board from a private copy of server/target/topowatch.jar, so that rebuilding the project
while a long script runs cannot change (or rebuild) the board under it."""
import glob
import os
import shutil
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _version(java):
    try:
        out = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    except OSError:
        return 0
    for line in out.splitlines():
        if "java.specification.version" in line:
            return int(line.split("=")[1].strip().split(".")[0])
    return 0


def java():
    """A JDK 21+: JAVA_HOME, then java on PATH, then /usr/lib/jvm, as the launcher looks."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    candidates.append(shutil.which("java") or "java")
    candidates += sorted(glob.glob("/usr/lib/jvm/*/bin/java"), reverse=True)
    for candidate in candidates:
        if _version(candidate) >= 21:
            return candidate
    raise SystemExit("no JDK 21 or newer found")


def command(work):
    """The command line that starts `topowatch` from a copy of the jar in `work`, built first if needed."""
    subprocess.run([os.path.join(ROOT, "topowatch"), "--version"], check=True, stdout=subprocess.DEVNULL)
    copy = os.path.join(work, "topowatch.jar")
    shutil.copy(os.path.join(ROOT, "server", "target", "topowatch.jar"), copy)
    return [java(), "-jar", copy]
