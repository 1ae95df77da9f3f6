/** The tab's one entry point: every surface (config, side panel, stage, content, personal). */
import "../styles/tab.css";

import { render } from "preact";

import { readBoot, type TabBoot } from "../lib/boot";
import { App } from "./App";

const boot = readBoot<TabBoot>();
const root = document.getElementById("app");
if (root) {
  root.replaceChildren();
  render(<App boot={boot} />, root);
}
