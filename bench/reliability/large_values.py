"""Time and peak memory of `topowatch validate` on very large values, aliases and files.

Run from the repository root: python3 bench/reliability/large_values.py
Each case is a generated topology in a temporary folder, validated by the real program
(server/target/topowatch.jar, built by the launcher when stale, run with the launcher's JVM flags)
under /usr/bin/time; the table gives wall time, the time beyond a small topology's (the JVM's start),
peak RSS and the first line of the answer. Each case runs three times; the median is shown. The limit
is 4 MiB: the file's bytes, and the document with its aliases expanded.
"""
import os
import statistics
import subprocess
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MIB = 1024 * 1024
HEAD = "entities:\n  a:\n    type: tcp\n    host: 127.0.0.1\n    port: 1\n"


def aliases(size, count):
    text = HEAD + "    description: &big " + "x" * size + "\n    extra:\n"
    return text + "".join(f"      k{i}: *big\n" for i in range(count))


CASES = [
    ("a small topology (the JVM's own cost)", HEAD),
        ("a 3.9 MiB plain value", HEAD + "    description: " + "x" * (4 * MIB - 300) + "\n"),
    ("a 3.9 MiB double-quoted value", HEAD + '    description: "' + "x" * (4 * MIB - 300) + '"\n'),
    ("a 3.9 MiB block literal", HEAD + "    description: |\n      " + "x" * (4 * MIB - 300) + "\n"),
    ("a 3.9 MiB key", HEAD + "    " + "k" * (4 * MIB - 300) + ": 1\n"),
    ("a 3.9 MiB body_regex", "entities:\n  a: {type: api, url: http://127.0.0.1/, expect: {body_regex: "
     + "x" * (4 * MIB - 300) + "}}\n"),
    ("a 4 MiB value in a 15 MiB file", HEAD + "    description: " + "x" * (4 * MIB) + "\n# " + "y" * (11 * MIB) + "\n"),
    ("100,000 characters aliased 2,000 times (135 KB)", aliases(100_000, 2_000)),
    ("100,000 characters aliased 40 times", aliases(100_000, 40)),
]


def launcher_flags():
    """The JVM flags the launchers give the program (packaging/jvm.options, without its comments)."""
    with open(os.path.join(ROOT, "packaging", "jvm.options")) as options:
        return " ".join(line.split("#")[0] for line in options).split()


def validate(path):
    """(seconds, peak KiB, exit status, first line) of one run, medians of three for the numbers."""
    runs = []
    for _ in range(3):
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "java", *launcher_flags(), "-jar",
                                 os.path.join(ROOT, "server", "target", "topowatch.jar"), "validate", path],
                                capture_output=True, text=True)
        seconds, kib = result.stderr.strip().splitlines()[-1].split()
        answer = (result.stdout + result.stderr).strip().splitlines()[0].replace(path, "FILE")
        runs.append((float(seconds), int(kib), result.returncode, answer))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][2], runs[0][3]


def main():
    subprocess.run([os.path.join(ROOT, "topowatch"), "--version"], check=True, stdout=subprocess.DEVNULL)
    print("| case | file | exit | took | beyond start | peak RSS | answer |")
    print("|---|---:|---:|---:|---:|---:|---|")
    baseline = None
    with tempfile.TemporaryDirectory() as work:
        for name, text in CASES:
            path = os.path.join(work, "topology.yaml")
            with open(path, "w") as out:
                out.write(text)
            seconds, kib, status, answer = validate(path)
            baseline = seconds if baseline is None else baseline
            print(f"| {name} | {os.path.getsize(path) / MIB:.2f} MiB | {status} | {seconds:.2f} s | {seconds - baseline:+.2f} s "
                  f"| {kib // 1024} MB | {answer[:100]} |")


if __name__ == "__main__":
    main()
