import "./mymus.css";

import { useMemo, useState } from "preact/hooks";

import { localeTag, useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { Checkins } from "./Checkins";
import { ConversationCards } from "./ConversationCards";
import { Coverage } from "./Coverage";
import { followUpsOf, listMine, listSentReminders, type Listed, type SummaryPage } from "./data";
import { FollowUpList } from "./FollowUpList";
import { MyData } from "./MyData";
import { PlanForm } from "./PlanForm";
import { Organisation } from "./Organisation";
import { dayOf, roleIn, teamRows, upcomingFollowUps } from "./overview";
import { Rights } from "./Rights";
import { Successes } from "./Successes";
import { Team } from "./Team";

/** The pages loaded after the first one ("Show more"), for the first page they follow. */
interface More {
  first: SummaryPage;
  items: Listed[];
  next: string | null;
}

type MoreState = { status: "idle" } | { status: "loading" } | { status: "error"; error: unknown };

/** The personal tab "My MUS": upcoming follow-ups, my conversations as employee and as manager
 * (newest first, agreed ones with their agreement and goal progress), and for managers the team.
 * Each page of the list carries its conversations' follow-up dates, so all of it shows at once. */
export function MyMus() {
  const texts = useTexts();
  const { t } = texts;
  const { api, me } = useSession();
  const [list, reloadList] = useLoad(() => listMine(api), [api]);
  // Which reminders reached me: a hint on the cards only, so a failed load just shows none.
  const [sent] = useLoad(() => listSentReminders(api), [api]);
  // The list comes a page at a time, newest first; "Show more" adds the next page.
  const [more, setMore] = useState<More | null>(null);
  const [moreState, setMoreState] = useState<MoreState>({ status: "idle" });
  const first = list.status === "ok" ? list.value : null;
  const extra = more && first && more.first === first ? more : null;
  const conversations: Listed[] | null = useMemo(
    () => (first ? [...first.items, ...(extra?.items ?? [])] : null),
    [first, extra],
  );
  const nextCursor = extra ? extra.next : (first?.next_cursor ?? null);
  const showMore = async () => {
    if (!first || !nextCursor || moreState.status === "loading") return;
    setMoreState({ status: "loading" });
    try {
      const page = await listMine(api, nextCursor);
      setMore({ first, items: [...(extra?.items ?? []), ...page.items], next: page.next_cursor });
      setMoreState({ status: "idle" });
    } catch (error) {
      setMoreState({ status: "error", error });
    }
  };
  const derived = useMemo(() => {
    if (!conversations) return null;
    const overview = { conversations, followUps: followUpsOf(conversations) };
    const now = new Date();
    return {
      upcoming: upcomingFollowUps(overview, dayOf(now)),
      team: teamRows(overview, me.object_id, new Intl.Collator(localeTag(texts.language))),
    };
  }, [conversations, me.object_id, texts.language]);
  const [checkinsChanged, setCheckinsChanged] = useState(0);
  const leadsAny = conversations?.some((c) => roleIn(c, me.object_id) === "manager");

  return (
    <div class="stack mymus" data-testid="mymus">
      <div class="mymus-intro">
        <h1 id="personal-heading" class="title">
          {t("ui.personal.heading")}
        </h1>
        <p class="hint">{t("ui.mymus.intro")}</p>
      </div>
      <PlanForm onPlanned={reloadList} />
      {list.status === "loading" && <Loading />}
      {list.status === "error" && <ErrorNotice message={describeError(list.error, texts)} onRetry={reloadList} />}
      {conversations && (
        <>
          <section class="mymus-section" aria-labelledby="mymus-followups-heading" data-testid="mymus-followups">
            <h2 id="mymus-followups-heading" class="section-title">
              {t("ui.mymus.followups.heading")}
            </h2>
            {derived && <FollowUpList items={derived.upcoming} empty={t("ui.mymus.followups.empty")} />}
          </section>
          <section class="mymus-section" aria-labelledby="mymus-conversations-heading">
            <h2 id="mymus-conversations-heading" class="section-title">
              {t("ui.mymus.conversations.heading")}
            </h2>
            {conversations.length ? (
              <ConversationCards
                items={conversations}
                myObjectId={me.object_id}
                reminders={sent.status === "ok" ? sent.value : undefined}
              />
            ) : (
              <p class="mymus-empty">{t("ui.mymus.conversations.empty")}</p>
            )}
            {moreState.status === "error" && (
              <ErrorNotice message={describeError(moreState.error, texts)} onRetry={showMore} />
            )}
            {nextCursor && moreState.status !== "error" && (
              <button
                type="button"
                class="button mymus-more"
                data-testid="mymus-more"
                aria-busy={moreState.status === "loading"}
                disabled={moreState.status === "loading"}
                onClick={showMore}
              >
                {moreState.status === "loading" ? t("ui.mymus.loading_more") : t("ui.mymus.show_more")}
              </button>
            )}
          </section>
          <Team
            leadsAny={Boolean(leadsAny)}
            fallback={derived?.team ?? null}
            pending={<Loading label={t("ui.mymus.team.loading")} />}
          />
          {me.is_admin && <Coverage />}
          {me.is_admin && <Organisation />}
        </>
      )}
      <Successes reloadKey={checkinsChanged} />
      <Checkins
        onChanged={() => {
          setCheckinsChanged((n) => n + 1);
          reloadList();
        }}
      />
      <MyData />
      <Rights />
    </div>
  );
}
