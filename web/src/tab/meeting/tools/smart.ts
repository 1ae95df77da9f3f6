/** The SMART check while a goal is written: asked from the API (POST /api/goals/check) a moment
 * after the person stops typing; the answer says per criterion ok / weak / missing and why. */
import { useEffect, useRef, useState } from "preact/hooks";

import type { Api } from "../../../lib/api";
import { reads } from "../../../lib/meeting/reads";
import type { Criterion, Finding, SmartCheck, SmartFields } from "../../../lib/meeting/types";

const CHECK_AFTER_MS = 300;

/** The goal field each criterion is about. */
export const FIELD_OF: Record<Criterion, keyof SmartFields> = {
  specific: "specific",
  measurable: "measure",
  achievable: "achievable",
  relevant: "relevance",
  time_bound: "deadline",
};

export type CheckState = { status: "idle" | "checking" | "unavailable"; check: SmartCheck | null };

export function useSmartCheck(api: Api, fields: SmartFields): CheckState {
  const [state, setState] = useState<CheckState>({ status: "idle", check: null });
  const request = useRef(0);
  // Only the five SMART fields go to the check (the title and status are not part of it).
  const { specific, measure, achievable, relevance } = fields;
  const deadline = fields.deadline || null;
  const signature = JSON.stringify([specific, measure, achievable, relevance, deadline]);
  useEffect(() => {
    const mine = ++request.current;
    setState((previous) => ({ ...previous, status: "checking" }));
    const timer = window.setTimeout(() => {
      reads
        .smartCheck(api, { specific, measure, achievable, relevance, deadline })
        .then(
          (check) => mine === request.current && setState({ status: "idle", check }),
          () => mine === request.current && setState((previous) => ({ ...previous, status: "unavailable" })),
        );
    }, CHECK_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [api, signature]);
  return state;
}

export function findingFor(check: SmartCheck | null, criterion: Criterion): Finding | undefined {
  return check?.findings.find((finding) => finding.criterion === criterion);
}
