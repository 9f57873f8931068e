#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Write N synthetic client trajectories as activering.trajectory/1 logs, one per line (JSON lines).

Deterministic for a given --seed. Each log has exactly --events events. Most follow the 7-phase OCMW model
(ocmw7) forward, with measures that fit the phase starting and ending in time, some going back a phase or two
when a step fails, now and then a skip worth a warning, a close and a reopen; a few start in the outreach model
(outreach6) and are handed over from warme_overdracht into ocmw7. Some events are notes, some carry `x_` members.
The phase models and measures are those of data/rules/be-vlaanderen.json (copied here, so that a log does not
change when the rule file's texts do). Synthetic: no real person.

    gen-trajectories.py --count 20000 --events 40 --seed 7 > trajectories.jsonl
"""
import argparse
import datetime as dt
import json
import random
import sys

# ocmw7: phase -> (normal next phases, going back, skips worth a warning, measures that fit)
OCMW7 = {
    "randvoorwaarden": (["screening"], [], ["sociale_activering", "werkervaring_opleiding"], []),
    "screening": (["sociale_activering", "werkervaring_opleiding"], ["randvoorwaarden"],
                  ["professionele_activering"], ["twe_ocmw"]),
    "sociale_activering": (["werkervaring_opleiding"], ["screening", "randvoorwaarden"],
                           ["professionele_activering"], ["art60", "twe_ocmw"]),
    "werkervaring_opleiding": (["professionele_activering"], ["sociale_activering", "screening", "randvoorwaarden"],
                               ["toeleiding_arbeidsmarkt"], ["art60", "twe_ocmw"]),
    "professionele_activering": (["toeleiding_arbeidsmarkt"], ["werkervaring_opleiding", "screening"], ["nazorg"],
                                 ["art60", "ibo", "individueel_maatwerk"]),
    "toeleiding_arbeidsmarkt": (["nazorg"], ["professionele_activering", "werkervaring_opleiding", "screening"], [],
                                ["ibo", "individueel_maatwerk"]),
    "nazorg": ([], ["toeleiding_arbeidsmarkt", "professionele_activering", "screening"], [],
               ["twe_ocmw", "individueel_maatwerk"]),
}
OUTREACH6 = {
    "toeleiding": (["contactlegging"], [], ["contextvoorwaarden"], []),
    "contactlegging": (["contextvoorwaarden"], ["toeleiding"], [], []),
    "contextvoorwaarden": (["orientering"], ["contactlegging"], [], []),
    "orientering": (["warme_overdracht"], ["contextvoorwaarden"], ["opvolging"], []),
    "warme_overdracht": (["opvolging"], ["orientering", "contextvoorwaarden"], [], []),
    "opvolging": ([], ["orientering", "contextvoorwaarden"], [], []),
}
HANDOVER = ["werkervaring_opleiding", "professionele_activering", "toeleiding_arbeidsmarkt"]
# measure -> (shortest, longest) planned run in days; the IBO stays within its 26 weeks, TWE within 24 months
DURATION = {"twe_ocmw": (120, 600), "art60": (180, 540), "ibo": (28, 182), "individueel_maatwerk": (60, 300)}
END_REASONS = [("completed", 0.7), ("dropped_out", 0.15), ("hired", 0.1), ("illness", 0.05)]
CLOSE_REASONS = [("duurzaam_werk", 0.5), ("moved_away", 0.2), ("stopped", 0.2), ("other", 0.1)]
ROLES = {"randvoorwaarden": "ocmw.maatschappelijk_werker", "screening": "ocmw.trajectbegeleider",
         "sociale_activering": "ocmw.trajectbegeleider", "werkervaring_opleiding": "ocmw.trajectbegeleider",
         "professionele_activering": "vdab.bemiddelaar", "toeleiding_arbeidsmarkt": "vdab.bemiddelaar",
         "nazorg": "jobcoach"}
NOTES = ["Gesprek met de cliënt", "Huisbezoek", "Telefonisch contact", "Afspraak niet nagekomen",
         "Overleg met de werkplek", "Attest ontvangen", "Cliënt verhuist mogelijk", "Evaluatiegesprek"]


def pick(rng, weighted):
    x, acc = rng.random(), 0.0
    for value, weight in weighted:
        acc += weight
        if x < acc:
            return value
    return weighted[-1][0]


class Log:
    def __init__(self, rng, n):
        self.rng, self.n, self.events = rng, n, []
        self.day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        self.running = {}  # measure -> planned last day
        self.model, self.phase, self.open = None, None, False

    def full(self):
        return len(self.events) >= self.n

    def add(self, kind, step=(0, 30), **fields):
        if self.full():
            return
        self.day += dt.timedelta(days=self.rng.randint(*step))
        event = {"at": self.day.isoformat(), "type": kind}
        event.update(fields)
        rng = self.rng
        if kind != "note" and rng.random() < 0.3 and self.phase in ROLES:
            event["by"] = ROLES[self.phase]
        if rng.random() < 0.05:
            event["actor"] = f"mw-{rng.randint(1, 400):03d}"
        if rng.random() < 0.03:
            event["x_ticket"] = f"T-{rng.randint(1, 99999)}"
        self.events.append(event)

    def phases(self):
        return OCMW7 if self.model == "ocmw7" else OUTREACH6

    def end_measures(self, keep=()):
        for measure in sorted(self.running):
            if measure not in keep:
                self.add("end_measure", step=(0, 3), measure=measure, reason=pick(self.rng, END_REASONS))
                del self.running[measure]

    def move(self, phase, model=None):
        fits = OCMW7[phase][3] if (model or self.model) == "ocmw7" else []
        self.end_measures(keep=fits)
        fields = {"phase": phase}
        if model is not None:
            fields["model"] = model
            self.model = model
        self.add("enter_phase", step=(7, 90), **fields)
        self.phase = phase

    def step(self):
        rng = self.rng
        if not self.open:
            if self.events:
                phases = ["screening", "randvoorwaarden"] if self.model == "ocmw7" else ["contextvoorwaarden",
                                                                                        "orientering"]
                self.phase = rng.choice(phases)
                self.add("reopen", step=(30, 300), phase=self.phase)
            else:
                self.add("open", step=(0, 0), phase=self.phase)
            self.open = True
            return
        # A measure past its planned end ends first, so that the limits are kept.
        due = [m for m, last in sorted(self.running.items()) if last <= self.day]
        if due:
            self.add("end_measure", step=(0, 7), measure=due[0], reason=pick(rng, END_REASONS))
            del self.running[due[0]]
            return
        forward, back, skip, fits = self.phases()[self.phase]
        x = rng.random()
        idle = [m for m in fits if m not in self.running]
        if x < 0.10:
            text = rng.choice(NOTES)
            extra = {"x_channel": rng.choice(["phone", "visit", "mail"]), "x_minutes": rng.randint(5, 90)} \
                if rng.random() < 0.4 else {}
            self.add("note", step=(0, 20), text=text, **extra)
        elif x < 0.35 and idle and len(self.running) < 2:
            measure = rng.choice(idle)
            self.add("start_measure", step=(0, 20), measure=measure)
            low, high = DURATION[measure]
            self.running[measure] = self.day + dt.timedelta(days=rng.randint(low, high))
        elif x < 0.38 and self.running:
            # one that does not work out and ends early
            measure = rng.choice(sorted(self.running))
            self.add("end_measure", step=(0, 30), measure=measure, reason="dropped_out")
            del self.running[measure]
        elif x < 0.55 and self.running:
            # the measures take their time
            self.add("note", step=(20, 60), text=rng.choice(NOTES))
        elif self.model == "outreach6" and self.phase == "warme_overdracht" and x < 0.80:
            self.move(rng.choice(HANDOVER), model="ocmw7")
        elif x < 0.58 and not self.running:
            # contacts while the client prepares the next step
            self.add("note", step=(7, 45), text=rng.choice(NOTES))
        elif x < 0.94 or not (forward or back):
            if not forward and self.phase == "nazorg" and rng.random() < 0.5:
                self.close("duurzaam_werk")
                return
            choices = forward if forward and rng.random() < 0.75 else back or forward
            if skip and rng.random() < 0.05:
                choices = skip
            if choices:
                self.move(rng.choice(choices))
            else:
                self.close(pick(rng, CLOSE_REASONS))
        elif x < 0.95:
            self.close(pick(rng, CLOSE_REASONS))
        else:
            self.move(rng.choice(back or forward))

    def close(self, reason):
        self.end_measures()
        self.add("close", step=(0, 30), reason=reason)
        self.open = False


def trajectory(i, rng, n):
    log = Log(rng, n)
    if rng.random() < 0.08:
        log.model, log.phase = "outreach6", rng.choice(["toeleiding", "contactlegging"])
    else:
        log.model, log.phase = "ocmw7", "randvoorwaarden" if rng.random() < 0.6 else "screening"
    model = log.model
    while not log.full():
        log.step()
    doc = {"format": "activering.trajectory/1", "id": f"traj-{i:08d}", "model": model, "events": log.events}
    if rng.random() < 0.05:
        doc["x_source"] = {"system": "synthetic", "batch": rng.randint(1, 20)}
    return doc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000, help="how many trajectories (default 20000)")
    parser.add_argument("--events", type=int, default=40, help="events per trajectory (default 40)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args()
    if args.count < 0 or args.events < 1:
        parser.error("--count must be 0 or more and --events 1 or more")
    rng = random.Random(args.seed)
    out = sys.stdout.buffer
    for i in range(args.count):
        line = json.dumps(trajectory(i, rng, args.events), ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")


if __name__ == "__main__":
    main()
