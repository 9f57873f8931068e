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

With --follow-up the logs look like a caseload on a report date (--as-of) instead: each runs from its opening up to
that date (so most are still open, and the rest closed, some reopened later: the revolving door), --events is only
a ceiling, and the follow-up events of December 2026 come in: contacts with their channel and who had them (each
client at a pace of their own, some left too long without one), VDAB reports (progress, no-show,
non-cooperation) while VDAB is involved, OCMW decisions on most non-cooperation reports (not all, and not all in
time), and warm handovers to a role when the client moves on to VDAB or to a job coach. --facts FILE then also
writes a facts document (bench/gen-caseload.py's mix) for each trajectory, with the same id, and for a share of
them a partner: another trajectory's dossier, or a dossier of its own with no trajectory, both with
`household.partner_id` pointing at each other. Without --follow-up the output is what it always was, byte for byte
(tests/golden/trajectories.jsonl and the benchmark figures in README.md rest on it).

    gen-trajectories.py --follow-up --count 2000 --facts facts.jsonl --seed 7 > trajectories.jsonl
"""
import argparse
import datetime as dt
import importlib.util
import json
import pathlib
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
# --follow-up: a close before the end of the path is seldom work
CLOSE_REASONS_EARLY = [("duurzaam_werk", 0.2), ("moved_away", 0.25), ("stopped", 0.35), ("other", 0.2)]
ROLES = {"randvoorwaarden": "ocmw.maatschappelijk_werker", "screening": "ocmw.trajectbegeleider",
         "sociale_activering": "ocmw.trajectbegeleider", "werkervaring_opleiding": "ocmw.trajectbegeleider",
         "professionele_activering": "vdab.bemiddelaar", "toeleiding_arbeidsmarkt": "vdab.bemiddelaar",
         "nazorg": "jobcoach"}
# --follow-up: how contacts are had, what VDAB reports back and what the OCMW decides on a non-cooperation report
CHANNELS = [("in_person", 0.45), ("phone", 0.3), ("home_visit", 0.1), ("written", 0.1), ("video", 0.05)]
REPORTS = [("progress", 0.6), ("no_show", 0.2), ("non_cooperation", 0.2)]
DECISIONS = [("warning", 0.5), ("sanction", 0.3), ("no_sanction", 0.2)]
# days between contacts a client gets: "1x per maand" is common, some get far fewer
PACE = [(14, 0.15), (21, 0.25), (28, 0.3), (45, 0.15), (60, 0.1), (120, 0.05)]
OUTREACH_ROLE = "toeleider"
VDAB_PHASES = ("professionele_activering", "toeleiding_arbeidsmarkt")
# who takes over, warmly, when a client enters a phase
HANDOVER_TO = {"toeleiding_arbeidsmarkt": ("ocmw.trajectbegeleider", "vdab.bemiddelaar"),
               "nazorg": ("vdab.bemiddelaar", "jobcoach")}
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
    def __init__(self, rng, n, as_of=None):
        self.rng, self.n, self.events = rng, n, []
        self.day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        if as_of is not None:  # opened in the eight years before the report date
            self.day = as_of - dt.timedelta(days=(self.day - dt.date(2018, 1, 1)).days * 4 // 3 + 14)
        self.running = {}  # measure -> planned last day
        self.model, self.phase, self.open = None, None, False
        # --follow-up: the report date the log stops at, the client's pace of contacts, the last contact
        self.as_of, self.done = as_of, False
        if as_of is not None:
            self.pace = pick(rng, PACE)
            self.last_contact = None

    def full(self):
        return self.done or len(self.events) >= self.n

    def role(self):
        return ROLES.get(self.phase, OUTREACH_ROLE)

    def add(self, event_type, step=(0, 30), **fields):
        if self.full():
            return
        day = self.day + dt.timedelta(days=self.rng.randint(*step))
        if self.as_of is not None:
            day = self.keep_in_touch(day)
            if day > self.as_of or self.full():
                self.done = True  # the report date: what comes later has not happened yet
                return
        self.day = day
        event = {"at": self.day.isoformat(), "type": event_type}
        event.update(fields)
        rng = self.rng
        if event_type in ("contact", "decision", "handover"):
            event.setdefault("by", self.role())  # required on these
        elif event_type != "note" and rng.random() < 0.3 and self.phase in ROLES:
            event["by"] = ROLES[self.phase]
        if rng.random() < 0.05:
            event["actor"] = f"mw-{rng.randint(1, 400):03d}"
        if rng.random() < 0.03:
            event["x_ticket"] = f"T-{rng.randint(1, 99999)}"
        self.events.append(event)

    def keep_in_touch(self, day):
        """--follow-up: the contacts due, at the client's pace, while open, before an event on @day (returned, or
        moved past the contacts)."""
        if not self.open or self.last_contact is None:
            return day
        while len(self.events) < self.n:
            due = max(self.day, self.last_contact + dt.timedelta(days=max(1, self.pace + self.rng.randint(-7, 7))))
            if due > day or due > self.as_of:
                break
            self.last_contact = due
            self.events.append({"at": due.isoformat(), "type": "contact", "channel": pick(self.rng, CHANNELS),
                                "by": self.role()})
            self.day = due
        return max(day, self.day)

    def follow_up(self):
        """--follow-up: one follow-up event instead of a step; False when none fits now."""
        rng = self.rng
        vdab = self.phase in VDAB_PHASES or "ibo" in self.running
        x = rng.random()
        if vdab and x < 0.12:
            kind = pick(rng, REPORTS)
            self.add("vdab_report", step=(5, 60), kind=kind)
            if kind == "non_cooperation" and rng.random() < 0.7:
                # most are decided on, some only after the rule set's term
                self.add("decision", step=(3, 45) if rng.random() < 0.8 else (46, 120), kind=pick(rng, DECISIONS),
                         by="ocmw.maatschappelijk_werker")
            return True
        if x < 0.2:
            # a contact off the usual pace (a crisis, a question)
            self.add("contact", step=(1, 20), channel=pick(rng, CHANNELS))
            self.last_contact = self.day
            return True
        return False

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
        if self.as_of is not None and phase in HANDOVER_TO and self.model == "ocmw7" and self.rng.random() < 0.6:
            by, to = HANDOVER_TO[phase]
            self.add("handover", step=(0, 14), to=to, by=by)

    def step(self):
        rng = self.rng
        if not self.open:
            if self.events:
                if self.as_of is not None and rng.random() >= (0.25 if self.close_reason == "duurzaam_werk" else 0.35):
                    self.done = True  # most stay out; the others come back (the revolving door)
                    return
                if self.as_of is not None:
                    self.model = self.first_model  # a reopening names a phase of the log's own model
                phases = ["screening", "randvoorwaarden"] if self.model == "ocmw7" else ["contextvoorwaarden",
                                                                                        "orientering"]
                self.phase = rng.choice(phases)
                self.add("reopen", step=(30, 300) if self.as_of is None else (30, 900), phase=self.phase)
            else:
                self.add("open", step=(0, 0), phase=self.phase)
            self.open = True
            if self.as_of is not None:
                self.last_contact = self.day
            return
        if self.as_of is not None and self.follow_up():
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
            if self.as_of is not None and self.phase == "toeleiding_arbeidsmarkt" and rng.random() < 0.3:
                self.close("duurzaam_werk")  # found work straight from the last step
                return
            choices = forward if forward and rng.random() < 0.75 else back or forward
            if skip and rng.random() < 0.05:
                choices = skip
            if choices:
                self.move(rng.choice(choices))
            else:
                self.close(pick(rng, CLOSE_REASONS if self.as_of is None else CLOSE_REASONS_EARLY))
        elif x < (0.95 if self.as_of is None else 0.965):
            self.close(pick(rng, CLOSE_REASONS if self.as_of is None else CLOSE_REASONS_EARLY))
        else:
            self.move(rng.choice(back or forward))

    def close(self, reason):
        self.end_measures()
        self.add("close", step=(0, 30), reason=reason)
        self.open, self.close_reason = False, reason


def trajectory(i, rng, n, as_of=None):
    log = Log(rng, n, as_of)
    if rng.random() < 0.08:
        log.model, log.phase = "outreach6", rng.choice(["toeleiding", "contactlegging"])
    else:
        log.model, log.phase = "ocmw7", "randvoorwaarden" if rng.random() < 0.6 else "screening"
    model = log.first_model = log.model
    while not log.full():
        log.step()
    doc = {"format": "activering.trajectory/1", "id": f"traj-{i:08d}", "model": model, "events": log.events}
    if rng.random() < 0.05:
        doc["x_source"] = {"system": "synthetic", "batch": rng.randint(1, 20)}
    return doc


def load_caseload_generator():
    """bench/gen-caseload.py, for its mix of facts."""
    spec = importlib.util.spec_from_file_location("gen_caseload", pathlib.Path(__file__).with_name("gen-caseload.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_facts(path, count, seed, as_of):
    """A facts document for each of the @count trajectories, with its id, then the partners that have no
    trajectory. About one dossier in eight is in a couple: with the next trajectory's dossier (both followed),
    or with a dossier of its own, mostly on leefloon too, that no trajectory follows (the partner left out)."""
    caseload = load_caseload_generator()
    rng = random.Random(seed * 7919 + 1)  # apart from the trajectories' draws, so that they do not change
    partner, extra = {}, 0
    i = 0
    while i < count:
        x = rng.random()
        if x < 0.05 and i + 1 < count:
            partner[i], partner[i + 1] = i + 1, i
            i += 2
            continue
        if x < 0.12:
            partner[i], partner[count + extra] = count + extra, i
            extra += 1
        i += 1
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count + extra):
            doc = caseload.dossier(i, rng, as_of)
            doc["id"] = f"traj-{i:08d}"
            if i in partner:
                doc["household"] = {"partner_id": f"traj-{partner[i]:08d}"}
                if i >= count and rng.random() < 0.8:
                    doc["income"]["status"] = "leefloon"
            out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000, help="how many trajectories (default 20000)")
    parser.add_argument("--events", type=int, default=None,
                        help="events per trajectory (default 40); with --follow-up the most a log has (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--follow-up", action="store_true",
                        help="logs up to --as-of, with contacts, VDAB reports, decisions, handovers and reopenings")
    parser.add_argument("--as-of", default="2026-11-22", help="with --follow-up, the report date (default 2026-11-22)")
    parser.add_argument("--facts", metavar="FILE",
                        help="with --follow-up, also write the dossiers' facts documents (and partners) to FILE")
    args = parser.parse_args()
    if args.events is None:
        args.events = 1000 if args.follow_up else 40
    if args.count < 0 or args.events < 1:
        parser.error("--count must be 0 or more and --events 1 or more")
    if args.facts and not args.follow_up:
        parser.error("--facts goes with --follow-up")
    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.follow_up else None
    except ValueError:
        parser.error(f"--as-of: not a date (YYYY-MM-DD): {args.as_of}")
    rng = random.Random(args.seed)
    out = sys.stdout.buffer
    for i in range(args.count):
        line = json.dumps(trajectory(i, rng, args.events, as_of), ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")
    if args.facts:
        write_facts(args.facts, args.count, args.seed, as_of)


if __name__ == "__main__":
    main()
