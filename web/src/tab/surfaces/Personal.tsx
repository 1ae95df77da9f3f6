import { MyMus } from "../personal/MyMus";

/** The personal tab "My MUS" (tab/personal/). */
export function Personal() {
  return <MyMus />;
}
