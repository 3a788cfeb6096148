#!/usr/bin/env python3
"""Writes N two-page letters varied from the reference letter, for the batch
benchmark: other outgoing and inquiry numbers and dates, other addressees,
paragraphs in another order with two of them left out (the full reference
letter runs onto a third page).

usage: gen-letters.py REFERENCE.yaml OUTDIR N
Letters go to OUTDIR/dept-XX/letter-NNNN.yaml (20 folders, as a records
office would keep them). Deterministic: the same N gives the same files.
"""
import os
import random
import sys

ADDRESSEES = [
    "Депутатам Мажилиса\n  Парламента Республики\n  Казахстан\n  (по списку)",
    "Депутату Мажилиса\n  Парламента Республики\n  Казахстан\n  Иванову И.И.",
    "Депутату Сената\n  Парламента Республики\n  Казахстан\n  Сейткали А.Б.",
    "Депутатам Сената\n  Парламента Республики\n  Казахстан\n  (по списку)",
]
SALUTATIONS = {0: "Уважаемые депутаты!", 1: "Уважаемый Иван Иванович!",
               2: "Уважаемый Аскар Болатович!", 3: "Уважаемые депутаты!"}


def split(text):
    """Header (up to and with 'body:'), the body items, and the rest."""
    head, rest = text.split("\nbody:\n", 1)
    body, tail = rest.split("\nclosing:", 1)
    items, cur = [], None
    for line in body.split("\n"):
        if line.startswith("  - "):
            cur = [line]
            items.append(cur)
        elif cur is not None and line.strip():
            cur.append(line)
    return head + "\nbody:\n", ["\n".join(i) for i in items], "\nclosing:" + tail


def main():
    ref, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = open(ref, encoding="utf-8").read()
    head, items, tail = split(text)
    for i in range(n):
        rnd = random.Random(i)
        body = items[:]
        for _ in range(2):
            body.pop(rnd.randrange(len(body)))
        rnd.shuffle(body)
        a = i % len(ADDRESSEES)
        h = head.replace("12-15/2417", f"12-15/{2417 + i}")
        h = h.replace("ДЗ-83", f"ДЗ-{83 + i}")
        h = h.replace("2020-04-22", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}")
        h = h.replace(
            "Депутатам Мажилиса\n  Парламента Республики\n  Казахстан\n  (по списку)",
            ADDRESSEES[a])
        h = h.replace("Уважаемые депутаты!", SALUTATIONS[a])
        folder = os.path.join(out, f"dept-{i % 20:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"letter-{i:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(h + "\n".join(body) + "\n" + tail)


if __name__ == "__main__":
    main()
