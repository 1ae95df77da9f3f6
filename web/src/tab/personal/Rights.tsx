import "./rights.css";

import { Erasure } from "./Erasure";
import { Handover } from "./Handover";

/** Data rights in the personal tab: handing my history over to a new manager, and erasing my data. */
export function Rights() {
  return (
    <>
      <Handover />
      <Erasure />
    </>
  );
}
