#!/usr/bin/env python3
"""Checks docs/scenario.schema.json against the scenario files of the project.

- Every topologies/*.json and tests/scenario/valid/*.json must validate, and so must every
  JSON example of docs/scenario-reference.md (against the part of the schema it shows).
- Every file in tests/scenario/broken/ is listed below under the reason mcastlab refuses it:
  SHAPE files (a type, an unknown or missing key, a value's syntax, keys that exclude each
  other) must fail the schema; SYNTAX files must fail to parse as JSON (duplicate keys count,
  as they do for mcastlab); CROSS_REFERENCE files are well shaped and refused only for what they
  refer to or how values relate, so the schema must accept them. A broken file in no list is a
  failure, so a new one needs a decision here; a listed file that is absent is only noted.

Usage: validate_schema.py [SOURCE_DIR]   (default: the checkout this script is in)
Exit status: 0 all checks pass, 1 some failed, 77 the jsonschema module is missing (a skip).
The last line is "N passed, M failed".
"""
import json
import pathlib
import re
import sys

try:
    import jsonschema
except ImportError:
    print("skipped: the python3 jsonschema module is missing (Debian: python3-jsonschema)")
    sys.exit(77)

# Refused for their shape: the schema must reject them.
SHAPE = {
    "bad_bandwidth": "\"100 Mbit\" is not a bandwidth",
    "bad_name": "a space in a name",
    "bad_prefix": "an octet of 300",
    "bad_time_unit": "unit \"sec\"",
    "duration_wrong_type": "a boolean duration",
    "expectation_no_kind": "no kind",
    "expectation_two_kinds": "two kinds",
    "format_2": "format 2",
    "join_non_multicast": "a group outside 224.0.0.0/4",
    "join_base_address": "a join of 224.0.0.0",
    "link_one_endpoint": "one endpoint",
    "missing_duration": "no duration",
    "node_missing_type": "no type",
    "router_setting_on_host": "a router IGMP key on a host",
    "send_count_and_rate": "count and rate together",
    "send_rate_without_until": "rate without until",
    "unknown_action": "action \"jion\"",
    "unknown_link_key": "key \"delai\"",
    "unknown_top_level_key": "key \"evnets\"",
    # Names that become file names, and the duration a pcap timestamp can hold.
    "duration_past_pcap_time": "a duration past 2^32 - 1 s",
    "link_name_dot": "a link named \".\"",
    "link_name_too_long": "a link name of 120 characters",
    "name_dot_dot": "a scenario named \"..\"",
    "name_too_long": "a scenario name of 101 characters",
    "snapshot_label_dot_dot": "a label \"..\"",
    "snapshot_label_slash": "a label with \"/\"",
}

# Not JSON as mcastlab reads it: the parser must reject them.
SYNTAX = {
    "duplicate_key": "\"name\" twice in one object",
    "trailing_comma": "a comma before }",
}

# Well shaped, refused for cross-references or relations between values: not expected to fail
# the schema, which sees each value alone. The not_built_* files are here too: format 1 allows
# their values (so the schema does), and this build refuses them until it runs them.
CROSS_REFERENCE = {
    "capture_unknown_link": "names a link that does not exist",
    "duplicate_node": "two nodes named R1",
    "endpoint_used_twice": "one interface on two links",
    "event_past_duration": "an event after the duration",
    "expect_from_after_until": "from after until",
    "gateway_outside_subnet": "a gateway outside its subnet",
    "join_on_router": "join names a router",
    "not_built_igmp_v3": "IGMP version 3, in format 1 but not built",
    "not_built_join_sources": "a join source list, in format 1 but not built",
    "l2_loop_one_switch": "a switching loop",
    "l2_loop_two_cables": "a switching loop",
    "query_response_not_below_query_interval": "QRI not below QI",
    "rp_not_a_router": "an RP no router has",
    "send_unknown_node": "names a node that does not exist",
    "send_unicast_ttl_zero": "TTL 0 to a unicast address",
    "socket_not_open": "names a socket not open",
    "static_mroute_unknown_iif": "names an interface that does not exist",
    "subnet_mismatch": "two subnets on one segment",
    "unknown_interface": "names an interface that does not exist",
}


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicates)


def first_error(validator, document):
    errors = sorted(validator.iter_errors(document),
                    key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        return None
    e = errors[0]
    where = "/" + "/".join(str(p) for p in e.absolute_path)
    return f"{where}: {e.message[:160]}"


# The examples of docs/scenario-reference.md: a whole scenario, or one event, node, expectation,
# or a single top-level key or settings object, checked against the part of the schema it is.
FRAGMENT_DEFS = {"action": "event", "type": "node", "at": "expectation", "from": "expectation",
                 "until": "expectation", "kind": "expectation"}
SETTINGS_DEFS = {"igmp": "igmp_router", "pim": "pim"}


def example_errors(schema, text):
    text = text.strip()
    wrapped = text if text[0] in "{[" else "{" + text + "}"
    document = json.loads(wrapped, object_pairs_hook=no_duplicates)
    sub = None
    if "format" in document:
        target = document
    elif len(document) == 1 and next(iter(document)) in SETTINGS_DEFS:
        key = next(iter(document))
        target, sub = document[key], SETTINGS_DEFS[key]
    elif len(document) == 1 and next(iter(document)) in schema["properties"]:
        target = {"format": 1, "name": "example", "duration": "600s", "nodes": [], "links": []}
        target.update(document)
    else:
        sub = next((d for k, d in FRAGMENT_DEFS.items() if k in document), None)
        if sub is None:
            return "not a scenario, event, node, expectation or top-level key"
        target = document
    checked = schema if sub is None else {"$schema": schema["$schema"], "$defs": schema["$defs"],
                                          "$ref": "#/$defs/" + sub}
    return first_error(jsonschema.Draft202012Validator(checked), target)


def main():
    default_root = pathlib.Path(__file__).resolve().parents[2]
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default_root
    schema = load(root / "docs" / "scenario.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0

    def report(ok, name, detail):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {detail}")

    must_pass = sorted((root / "topologies").glob("*.json")) + sorted(
        (root / "tests" / "scenario" / "valid").glob("*.json"))
    for path in must_pass:
        name = str(path.relative_to(root))
        try:
            error = first_error(validator, load(path))
        except ValueError as e:
            report(False, name, f"does not parse: {e}")
            continue
        report(error is None, name, f"a valid scenario fails the schema at {error}")

    reference = root / "docs" / "scenario-reference.md"
    blocks = re.findall(r"```json\n(.*?)```", reference.read_text(encoding="utf-8"), re.S)
    for number, block in enumerate(blocks, 1):
        try:
            error = example_errors(schema, block)
        except ValueError as e:
            error = f"does not parse: {e}"
        report(error is None, f"docs/scenario-reference.md example {number}", str(error))

    broken = {p.stem: p for p in sorted((root / "tests" / "scenario" / "broken").glob("*.json"))}
    listed = set(SHAPE) | set(SYNTAX) | set(CROSS_REFERENCE)
    for stem in sorted(set(broken) - listed):
        report(False, f"broken/{stem}.json", "not listed in SHAPE, SYNTAX or CROSS_REFERENCE")
    for stem in sorted(listed - set(broken)):
        # Not a failure: the file may come with a change not merged here yet.
        print(f"note: broken/{stem}.json is listed but not in this checkout")
    for stem in sorted(set(broken) & listed):
        name = f"broken/{stem}.json"
        try:
            document = load(broken[stem])
        except ValueError as e:
            report(stem in SYNTAX, name, f"does not parse ({e}) but is not listed in SYNTAX")
            continue
        if stem in SYNTAX:
            report(False, name, "parses, but is listed in SYNTAX")
            continue
        error = first_error(validator, document)
        if stem in SHAPE:
            report(error is not None, name, f"passes the schema despite {SHAPE[stem]}")
        else:
            report(error is None, name,
                   f"well shaped ({CROSS_REFERENCE[stem]}) but fails the schema at {error}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
