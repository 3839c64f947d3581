#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Ansible module: load CPU microcode with the ucode command, from its JSON output."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
---
module: ucode4j
short_description: Load x86 CPU microcode with ucode4j's ucode command
description:
  - Runs C(ucode apply --format=json --yes) on the managed host, which plans the newest suitable patch for every CPU,
    loads it and reads every CPU back; the module reports what the command's JSON says, and never parses text.
  - In check mode it runs C(ucode apply --dry-run) instead, which plans and loads nothing; the host is then reported
    changed when the plan would load something.
  - Sets the fact C(ucode4j) (the backend, the action and, per CPU, its signature, revision, verdict and outcome).
  - When the load fails, is refused or leaves CPUs behind, the task fails and still returns the command's JSON under
    C(apply), so that a playbook can keep it as the host's report.
  - Needs Java 17 or later and the C(ucode) command on the host (the Debian package C(ucode), or the launcher with
    its runnable jar); no Java binding on the controller.
version_added: "0.1.0"
author: ucode4j contributors
options:
  command:
    description:
      - The ucode command, a name looked up on the host's PATH or a path.
      - The Debian package installs C(/usr/bin/ucode).
    type: path
    default: ucode
  backend:
    description:
      - The apply backend (C(kernel), C(msr), C(xen), C(simulated) or a plugin's); C(ucode --backend=NAME).
      - Omitted, ucode chooses the best one available on the host and names it in its JSON.
    type: str
  firmware:
    description:
      - Firmware directories (their C(intel-ucode/) and C(amd-ucode/) folders are read) or microcode files or
        folders; C(ucode --firmware=PATH), once each. Omitted, ucode reads C(/lib/firmware).
    type: list
    elements: path
    default: []
  force:
    description:
      - Reload even where a CPU already runs the same or a newer revision (C(ucode apply --force)).
    type: bool
    default: false
  system_properties:
    description:
      - Java system properties given to ucode's JVM as C(-DNAME=VALUE) in C(JAVA_OPTS).
      - This is how a host is made a simulated machine (C(ucode4j.backend=simulated), C(ucode4j.simulated.*)) and
        where the host-wide lock lives (C(ucode4j.run-dir)).
      - Names and values may not hold white space (the launcher splits C(JAVA_OPTS) on it).
    type: dict
    default: {}
  java_opts:
    description:
      - Further JVM options, appended to C(JAVA_OPTS) after C(system_properties), for example C(-Xmx64m).
    type: str
    default: ""
  environment:
    description:
      - Further environment variables of the command (C(JAVA_HOME), C(UCODE_JAR), C(UCODE_CDS_DIR)...).
      - C(JAVA_OPTS) is set from C(system_properties) and C(java_opts) and may not be given here.
    type: dict
    default: {}
  timeout:
    description:
      - Seconds the command may take. Past them it gets SIGTERM, which ucode holds until a load under way is over and
        its report printed, then a grace of C(kill_after) seconds before SIGKILL; the task fails either way.
    type: int
    default: 300
  kill_after:
    description:
      - Seconds between the SIGTERM that C(timeout) sends and a SIGKILL.
    type: int
    default: 30
notes:
  - Exit codes and JSON are those of ucode's C(apply) command (schema C(ucode4j/apply/1), shipped in ucode's jar as
    C(schemas/apply-1.json)); a C(ucode4j/apply) document of another major version is refused.
  - Supports check mode.
seealso:
  - name: ucode apply
    description: The man page of the command this module runs, C(man ucode-apply).
    link: https://github.com/ucode4j/ucode4j
"""

EXAMPLES = r"""
- name: Load the newest microcode from the host's /lib/firmware through the kernel
  become: true
  ucode4j:
    backend: kernel
  register: ucode4j_apply

- name: Load from another firmware tree, with the runnable jar instead of the Debian package
  become: true
  ucode4j:
    command: /opt/ucode4j/bin/ucode
    environment:
      UCODE_JAR: /opt/ucode4j/ucode.jar
    firmware:
      - /srv/firmware/2024-11
    timeout: 120

- name: A simulated machine that refuses its load (what the example inventory does)
  ucode4j:
    backend: simulated
    firmware: [/lib/firmware]
    system_properties:
      ucode4j.simulated.signature: "0xa0655"
      ucode4j.simulated.revision: "0xf0"
      ucode4j.simulated.faults: "0:refuses"
      ucode4j.run-dir: /tmp/ucode4j-node3
"""

RETURN = r"""
apply:
  description:
    - The command's JSON document, as it printed it (schema C(ucode4j/apply/1)), with the plan (the machine as read,
      one verdict per CPU), the action (C(DRY_RUN), C(NOTHING_TO_DO), C(LOADED)), C(changed), and after a load the report
      (per CPU its outcome, the revision before and after, a message; counts; whether it succeeded).
    - Returned on failure too, whenever the command printed it.
  returned: when the command printed its JSON
  type: dict
rc:
  description: The command's exit code (0 success or nothing to do, 3 the load failed or was refused or partial, 4 no
    usable backend, 2 bad input, 1 usage, 130/143 interrupted or terminated after the load).
  returned: always
  type: int
stderr:
  description: What the command printed on standard error (warnings, or the one line saying why it failed).
  returned: always
  type: str
cmd:
  description: The command line that was run.
  returned: always
  type: list
  elements: str
ansible_facts:
  description: Facts about the host's microcode, from the same JSON.
  returned: success
  type: complex
  contains:
    ucode4j:
      description:
        - C(backend), C(action), C(changed), C(succeeded) (null when nothing was loaded) and C(cpus), one entry per
          logical CPU with C(cpu), C(signature), C(revision) (read back after a load, else as planned), C(verdict)
          (the plan's, such as C(UPDATE), C(UP_TO_DATE), C(EARLY_ONLY)) and C(outcome) (the load's, such as
          C(UPDATED), C(SIBLING_UPDATED), C(REFUSED), C(FAILED), C(TIMED_OUT); null when nothing was loaded).
      type: dict
"""

SCHEMA = "ucode4j/apply/1"
# What the launcher splits JAVA_OPTS on.
WHITE_SPACE = re.compile(r"\s")


class UcodeFailure(Exception):
    """The command could not be run or told nothing usable: the message says why."""


def java_opts(system_properties, extra):
    """JAVA_OPTS for the properties and the extra options; raises ValueError naming a property with white space."""
    options = []
    for name, value in system_properties.items():
        value = str(value).lower() if isinstance(value, bool) else str(value)
        if not name or WHITE_SPACE.search(name) or WHITE_SPACE.search(value):
            raise ValueError("system_properties: %r=%r holds white space, which JAVA_OPTS cannot carry" % (name, value))
        options.append("-D%s=%s" % (name, value))
    if extra:
        options.append(extra)
    return " ".join(options)


def command_line(params, check_mode):
    args = [params["command"], "apply", "--format=json"]
    args.append("--dry-run" if check_mode else "--yes")
    if params["backend"]:
        args.append("--backend=" + params["backend"])
    args.extend("--firmware=" + path for path in params["firmware"])
    if params["force"]:
        args.append("--force")
    return args


def run(args, environment, timeout, kill_after):
    """Runs the command; returns (exit code, stdout, stderr, whether it overran). Every wait has a deadline."""
    try:
        # A session of its own: the signals below reach the launcher's JVM too, exec'd or not.
        process = subprocess.Popen(args, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, universal_newlines=True, start_new_session=True)
    except OSError as error:
        raise UcodeFailure("cannot run %s: %s" % (args[0], error))
    try:
        out, err = process.communicate(timeout=timeout)
        return process.returncode, out, err, False
    except subprocess.TimeoutExpired:
        pass
    # SIGTERM first: ucode holds it until a load under way is over and its report printed.
    for stop in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, stop)
        except ProcessLookupError:
            pass  # the group ended on its own meanwhile
        try:
            out, err = process.communicate(timeout=kill_after)
            return process.returncode, out, err, True
        except subprocess.TimeoutExpired:
            pass
    raise UcodeFailure("%s overran its %d s and was still running %d s after SIGKILL" % (args[0], timeout, kill_after))


def parse(out):
    """The command's JSON document, or None when it printed none; raises UcodeFailure on another schema."""
    if not out.strip():
        return None
    try:
        document = json.loads(out)
    except ValueError as error:
        raise UcodeFailure("ucode printed something that is not JSON (%s)" % error)
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        found = document.get("schema") if isinstance(document, dict) else type(document).__name__
        raise UcodeFailure("ucode printed a document of schema %r, this module reads %r" % (found, SCHEMA))
    return document


def facts(document):
    """Per CPU its signature, revision, verdict and outcome, and what was done, from the apply document."""
    plan = document["plan"]
    report = document["report"]
    verdicts = {v["cpu"]: v["verdict"] for v in plan["verdicts"]}
    loaded = {c["cpu"]: c for c in report["cpus"]} if report else {}
    cpus = []
    for cpu in plan["platform"]["cpus"]:
        number = cpu["cpu"]
        outcome = loaded.get(number)
        cpus.append({
            "cpu": number,
            "signature": cpu["signature"],
            "revision": outcome["after"] if outcome else cpu["revision"],
            "verdict": verdicts.get(number),
            "outcome": outcome["outcome"] if outcome else None,
        })
    return {
        "backend": report["backend"] if report else plan["platform"]["backend"],
        "action": document["action"],
        "changed": document["changed"],
        "succeeded": report["succeeded"] if report else None,
        "cpus": cpus,
    }


def ended(rc):
    """How the command ended, in words: Popen gives -N for a process a signal ended."""
    return "killed by signal %d" % -rc if rc < 0 else "exit %d" % rc


def failure(rc, document, overran, timeout):
    """Why the run did not fully succeed, or None when it did."""
    if overran:
        return "ucode apply overran its %d s and was stopped (%s)" % (timeout, ended(rc))
    report = document["report"] if document else None
    if rc == 0 and document is not None and document["action"] != "DECLINED" and (report is None or report["succeeded"]):
        return None
    if report is not None:
        counts = ", ".join("%s %d" % (outcome, n) for outcome, n in sorted(report["counts"].items()))
        return "ucode apply did not fully succeed (%s): %s" % (ended(rc), counts)
    if document is None:
        return "ucode apply printed no JSON (%s)" % ended(rc)
    return "ucode apply answered %s (%s)" % (document["action"], ended(rc))


def main():
    module = AnsibleModule(
        argument_spec=dict(
            command=dict(type="path", default="ucode"),
            backend=dict(type="str"),
            firmware=dict(type="list", elements="path", default=[]),
            force=dict(type="bool", default=False),
            system_properties=dict(type="dict", default={}),
            java_opts=dict(type="str", default=""),
            environment=dict(type="dict", default={}),
            timeout=dict(type="int", default=300),
            kill_after=dict(type="int", default=30),
        ),
        supports_check_mode=True,
    )
    params = module.params
    args = command_line(params, module.check_mode)
    if "JAVA_OPTS" in params["environment"]:
        module.fail_json(msg="environment: JAVA_OPTS is made from system_properties and java_opts; give it there", cmd=args)
    if params["timeout"] <= 0 or params["kill_after"] <= 0:
        module.fail_json(msg="timeout and kill_after must be positive seconds", cmd=args)
    try:
        options = java_opts(params["system_properties"], params["java_opts"])
    except ValueError as error:
        module.fail_json(msg=str(error), cmd=args)

    environment = dict(os.environ)
    environment.update((name, str(value)) for name, value in params["environment"].items())
    environment["JAVA_OPTS"] = options
    try:
        rc, out, err, overran = run(args, environment, params["timeout"], params["kill_after"])
    except UcodeFailure as error:
        module.fail_json(msg=str(error), cmd=args)
    result = dict(cmd=args, rc=rc, stderr=err)
    try:
        document = parse(out)
    except UcodeFailure as error:
        module.fail_json(msg=str(error), stdout=out, **result)

    if document is not None:
        result["apply"] = document
    why = failure(rc, document, overran, params["timeout"])
    if why is not None:
        detail = err.strip()
        module.fail_json(msg=why + (": " + detail if detail else ""), changed=bool(document and document["changed"]), **result)
    if module.check_mode:
        changed = document["plan"]["loads_anything"]
    else:
        changed = document["changed"]
    module.exit_json(changed=changed, ansible_facts=dict(ucode4j=facts(document)), **result)


if __name__ == "__main__":
    main()
