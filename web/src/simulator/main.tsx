/** The Teams simulator (demo mode only): a meeting with two participants, each with their own
 * Teams client hosting the tab, and the host side of the teams-js protocol. */
import "./simulator.css";

import { render } from "preact";

import { readBoot } from "../lib/boot";
import type { SimulatorBoot } from "./boot";
import { Simulator } from "./Simulator";

const root = document.getElementById("app");
if (root) {
  root.replaceChildren();
  render(<Simulator boot={readBoot<SimulatorBoot>()} />, root);
}
