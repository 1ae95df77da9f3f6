/** The surfaces, each its own chunk of the tab's code: a page loads the one it shows (the server
 * preloads it beside the tab's entry, so there is no waterfall). A configured tab's content URL may
 * turn out to be the side panel, the stage or the settings (surface.ts): that one is loaded then. */
import type { FunctionComponent } from "preact";

import type { Surface } from "../../lib/boot";

const LOADERS: Record<Surface, () => Promise<FunctionComponent>> = {
  sidepanel: () => import("./SidePanel").then((module) => module.SidePanel),
  stage: () => import("./Stage").then((module) => module.Stage),
  content: () => import("./Content").then((module) => module.Content),
  config: () => import("./Config").then((module) => module.Config),
  personal: () => import("./Personal").then((module) => module.Personal),
};

const loading = new Map<Surface, Promise<FunctionComponent>>();
const loaded = new Map<Surface, FunctionComponent>();

/** Loads a surface's code once (a failed load is tried again on the next call). */
export function loadSurface(surface: Surface): Promise<FunctionComponent> {
  let promise = loading.get(surface);
  if (!promise) {
    promise = LOADERS[surface]().then(
      (component) => {
        loaded.set(surface, component);
        return component;
      },
      (error: unknown) => {
        loading.delete(surface);
        throw error;
      },
    );
    loading.set(surface, promise);
  }
  return promise;
}

/** A surface whose code has loaded (loadSurface), else undefined. */
export function loadedSurface(surface: Surface): FunctionComponent | undefined {
  return loaded.get(surface);
}
