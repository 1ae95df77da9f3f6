/**
 * GENERATED FILE, do not edit: the API's types, made by openapi-typescript (web/api-types.mjs)
 * from the app's OpenAPI document (GET /api/openapi.json, scripts/openapi_document.py).
 * Regenerate with `make api-types`; `make api-types-check` (part of `make test`) fails when the
 * server's schemas and this file differ. Name the types the tab uses in src/lib/meeting/types.ts.
 */

export interface paths {
    "/api/actions/{action_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a development action added by mistake */
        delete: operations["goals_delete_action"];
        options?: never;
        head?: never;
        /**
         * Change a development action
         * @description Send only the changed fields, the version and `base`: a change to an older version is merged with what was saved since, or refused with 409 edit_conflict naming the fields both changed.
         */
        patch: operations["goals_update_action"];
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My conversations, newest first
         * @description A page at a time (`limit`, then `cursor` from `next_cursor`); scheduled ones newest first, then unscheduled ones, newest first.
         */
        get: operations["conversations_list_mine"];
        put?: never;
        /** Plan a MUS or check-in */
        post: operations["conversations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation with its agenda */
        get: operations["conversations_show"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change title, time or meeting */
        patch: operations["conversations_update"];
        trace?: never;
    };
    "/api/conversations/{conversation_id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The development actions of a conversation */
        get: operations["goals_list_actions"];
        put?: never;
        /** Add a development action */
        post: operations["goals_create_action"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an agenda item */
        post: operations["conversations_add_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agenda/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Write the shared notes of an agenda item */
        patch: operations["conversations_update_notes"];
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agenda/{item_id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shared notes of an agenda item as a Yjs document */
        get: operations["live_get_notes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agenda/{item_id}/notes/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a Yjs update to the shared notes of an agenda item
         * @description Answered only after the merged note is committed. With an Idempotency-Key a retry is answered as the first time and applied once. 409 notes_update_missing_history: the update builds on changes the server lacks; send the document's state against the server's state vector.
         */
        post: operations["live_post_note_update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agenda/{item_id}/talking-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a talking point to an agenda item */
        post: operations["conversations_add_talking_point"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agenda/{item_id}/talking-points/{point_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take back my talking point
         * @description Only its author removes a talking point (the undo of adding it). A point shared from preparation can be shared again afterwards.
         */
        delete: operations["conversations_remove_talking_point"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All agreement versions, newest first, with both parties' decisions */
        get: operations["agreements_agreement"];
        put?: never;
        /**
         * Draft the next agreement version from the shared content
         * @description Allowed once the meeting has started. Drafting ends the meeting (in meeting -> reviewing); drafting after the agreement was approved reopens it (agreed -> reviewing), and is refused when nothing changed.
         */
        post: operations["agreements_draft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agreement/{number}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One agreement version as a PDF to print or keep
         * @description The version as the screen shows it, laid out on A4 in the reader's language (or `lang`): the agenda's summaries and talking points, the goals with every SMART field, deadline and status, the development plan, the follow-up dates and both decisions with name, time (in `tz`), comment and any recorded disagreement. A version not approved by both is marked as a draft and names who has not approved it. For the two parties, and for a new manager the employee handed their history over to (agreed versions only). Audited as a read of the agreement; sent as an attachment with `Cache-Control: no-store`.
         */
        get: operations["agreements_agreement_pdf_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agreement/{number}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an agreement version or ask for changes
         * @description Only the latest version can be decided on. When both parties have approved it, the version is locked and the conversation is agreed.
         */
        post: operations["agreements_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agreement/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The summary of each agenda item (part of the agreement)
         * @description Created with the first draft: prefilled from the item's notes only when both parties chose to keep the notes, otherwise empty.
         */
        get: operations["agreements_summaries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/agreement/summaries/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Write an agenda item's summary (co-edited)
         * @description Send the version the change started from and its text (`base`): a stale write is merged character by character with what was saved since. While the agreement is reviewed or after it was agreed, a change opens a new version (both approve again).
         */
        put: operations["agreements_edit_summary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/checkin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A check-in: its goals, my part and the other party's
         * @description The other party's answers are shown only once they marked their part done. 409 checkin_not_a_checkin for a MUS.
         */
        get: operations["checkins_show"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/checkin/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a check-in whose two parts are done
         * @description Either party. Each party's progress values become progress entries of the goals (that party the author, this check-in the conversation), each pulse a wellbeing pulse, and the conversation is held. Once only: a second close is refused (409 checkin_closed) and applies nothing; before both parts are done, 409 checkin_not_ready.
         */
        post: operations["checkins_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/checkin/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save my part of a check-in (a draft while I write)
         * @description Each party writes only their own part, so two people writing at once never overwrite each other. A write based on an older version of my part is refused (409 stale_version, with the check-in as it is now); a part marked done or a closed check-in no longer changes (409).
         */
        put: operations["checkins_save_mine"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/checkin/mine/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark my part of a check-in done
         * @description From now on the other party sees my answers, and they no longer change.
         */
        post: operations["checkins_mark_done"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Both parties' consent answers (confidentiality, keeping notes, recording) */
        get: operations["agreements_consent"];
        /** Give or change my answer to one consent question */
        put: operations["agreements_set_consent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/drafts/action/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * A development action being written (live, not stored)
         * @description What I am typing in a development action, before it is saved: announced at once on the conversation's live channel as `draft.changed` (record: goal or action, key, id, by, display_name, fields, ttl_seconds) and stored nowhere (not in the database, not in the event log). Send it again at least every ttl_seconds while the editor is open; `key` is the editor's own token (letters, digits, - and _).
         */
        put: operations["goals_put_action_draft"];
        post?: never;
        /**
         * The action draft was saved or abandoned
         * @description Announces `draft.cleared` (record, key, by): the other party stops showing it.
         */
        delete: operations["goals_delete_action_draft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/drafts/goal/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * A goal being written (live, not stored)
         * @description What I am typing in a goal, before it is saved: announced at once on the conversation's live channel as `draft.changed` (record: goal or action, key, id, by, display_name, fields, ttl_seconds) and stored nowhere (not in the database, not in the event log). Send it again at least every ttl_seconds while the editor is open; `key` is the editor's own token (letters, digits, - and _).
         */
        put: operations["goals_put_goal_draft"];
        post?: never;
        /**
         * The goal draft was saved or abandoned
         * @description Announces `draft.cleared` (record, key, by): the other party stops showing it.
         */
        delete: operations["goals_delete_goal_draft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The feedback of a conversation */
        get: operations["goals_list_feedback"];
        put?: never;
        /**
         * Give feedback
         * @description The direction follows from the author: the manager's feedback goes to the employee and the other way round.
         */
        post: operations["goals_add_feedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/feedback/{feedback_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take back my feedback
         * @description Only its author removes a feedback entry (the undo of giving it).
         */
        delete: operations["goals_delete_feedback"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agreed follow-up dates */
        get: operations["agreements_follow_ups"];
        put?: never;
        /** Add a follow-up date */
        post: operations["agreements_add_follow_up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/follow-ups.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the follow-up dates as a calendar file (.ics)
         * @description One event per follow-up (09:00-09:30 in the organisation's time zone, Europe/Copenhagen), with a UID that stays the same for the follow-up and a SEQUENCE that rises with each change, so importing a newer file updates the events. Texts in the reader's language. Offered always; the way to the calendar when the organisation did not permit calendar access.
         */
        get: operations["agreements_follow_ups_calendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/follow-ups/{follow_up_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a follow-up date */
        delete: operations["agreements_delete_follow_up"];
        options?: never;
        head?: never;
        /**
         * Change a follow-up's title or date (co-edited)
         * @description Send the version the change started from and the values read then (`base`). A stale write is merged: the title character by character; a date both changed differently is 409 `edit_conflict` with the current follow-up and both values of each conflicting field, and nothing is applied. Once an agreement was drafted, a change opens a new version.
         */
        patch: operations["agreements_edit_follow_up"];
        trace?: never;
    };
    "/api/conversations/{conversation_id}/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The employee's goals with this manager
         * @description Goals set in any conversation between the two, so a check-in follows up the goals of the MUS (or with `set_here` only those set in this one); each with its latest progress and SMART findings. Oldest first, a page at a time (`limit`, then `cursor` from `next_cursor`).
         */
        get: operations["goals_list_goals"];
        put?: never;
        /** Set a goal for the employee */
        post: operations["goals_create_goal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/invite.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The conversation as a calendar file (.ics)
         * @description iCalendar (METHOD:PUBLISH) with a stable UID, the time in UTC, both parties and the link to the conversation; the file name is in the reader's language. 422 when it has no time.
         */
        get: operations["conversations_invite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The live channel: server-sent events of the conversation
         * @description A stream of server-sent events (read it with fetch(); the bearer header as for every call). Each event has `id` (the conversation's event seq), `event` (the kind) and `data` (JSON with seq, kind, conversation_id, data). Resuming from Last-Event-ID replays what was missed; an id older than the kept log gives a `refresh` event. A comment every 15 s keeps the connection open.
         */
        get: operations["live_live_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/position": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agenda item both parties follow */
        get: operations["live_get_position"];
        /** Move the shared position (the item both follow) */
        put: operations["live_put_position"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/preparation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My private preparation for a conversation */
        get: operations["preparation_list_mine"];
        put?: never;
        /** Add a private preparation item */
        post: operations["preparation_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/preparation/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a private preparation item */
        delete: operations["preparation_delete"];
        options?: never;
        head?: never;
        /** Change a private preparation item */
        patch: operations["preparation_update"];
        trace?: never;
    };
    "/api/conversations/{conversation_id}/preparation/{item_id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share a preparation item as a talking point on the agenda */
        post: operations["preparation_promote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is in the conversation now */
        get: operations["live_get_presence"];
        /** I am here (refresh every ~15 s): my agenda item and whether I follow */
        put: operations["live_put_presence"];
        post?: never;
        /** I left the conversation */
        delete: operations["live_delete_presence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the conversation to another status */
        post: operations["conversations_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/wellbeing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The wellbeing pulses I may see
         * @description My own pulses, and the other party's shared ones.
         */
        get: operations["goals_list_pulses"];
        put?: never;
        /**
         * Give a wellbeing pulse
         * @description A private pulse is seen by its author only; a shared one by both parties.
         */
        post: operations["goals_add_pulse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a MUS or check-in ahead, with its Teams meeting in both calendars
         * @description From the personal tab or a browser: a manager plans with a report, an employee asks their manager for one (`created_by` records who). The conversation is saved first; then the Teams meeting is made in the planner's calendar with the other person invited (`calendar_status` `created`), and where permitted the app's tab is added to the meeting chat (`chat_tab`). Graph unavailable: still 201, `pending` (a job retries it, never twice); permission missing: `not_permitted`. Either way `invite.ics` has it. A second open conversation of the same kind for the pair: 409 `open_conversation_exists` (the existing one in `current`) unless `allow_another`. Not idempotent by key: a retry finds its first attempt as the open conversation (409).
         */
        post: operations["conversations_plan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage figures: held, planned, overdue (HR/admin; counts only) */
        get: operations["admin_show_coverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coverage/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coverage per unit and for the organisation (HR/admin; counts of people only)
         * @description Units are the directory's departments (Microsoft Graph, the app's own permission User.Read.All); without the directory, the people the app knows, without units.
         */
        get: operations["organisation_show_unit_coverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{goal_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One goal with its progress */
        get: operations["goals_show_goal"];
        put?: never;
        post?: never;
        /**
         * Remove a goal set by mistake
         * @description The undo of creating a goal. A goal with recorded progress stays (409 goal_has_progress): mark it dropped instead.
         */
        delete: operations["goals_delete_goal"];
        options?: never;
        head?: never;
        /**
         * Change a goal or its status
         * @description Send only the changed fields, the version and `base` (their values when the editor started): a change to an older version is merged with what was saved since, or refused with 409 edit_conflict naming the fields both changed. Every changed field (the merged result) is kept in the goal's history. Mark a success with status achieved.
         */
        patch: operations["goals_update_goal"];
        trace?: never;
    };
    "/api/goals/{goal_id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust a goal (title, measure, deadline, status)
         * @description A goal that is part of a locked agreement keeps its agreed values: the change is proposed in a new version of that agreement and applied (with the goal's history, the proposer as author) when both approve it. Any other goal changes at once, with its history.
         */
        post: operations["checkins_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{goal_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The changes of a goal, oldest first */
        get: operations["goals_goal_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{goal_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record progress on a goal
         * @description Reaching 100 % does not change the status.
         */
        post: operations["goals_add_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{goal_id}/success": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a goal achieved, with a short note (a success)
         * @description Both parties see it in their successes; the status change is kept in the goal's history. Marking it again changes the note.
         */
        post: operations["checkins_mark_success"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a goal against SMART while it is written
         * @description Per criterion ok, weak or missing with the reason in the person's language. Nothing is stored.
         */
        post: operations["goals_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Handover requests about me (as employee) and mine (as new manager), with my direct reports
         * @description `directory` is `unavailable` when Microsoft Graph cannot be reached: the requests are still listed, without the direct reports.
         */
        get: operations["my_rights_list_handovers"];
        put?: never;
        /**
         * Ask for an employee's history as their new manager, or offer mine to my manager
         * @description A request needs the employee's approval. Only the employee's manager in the directory may ask (403 `handover_not_manager`). An offer by the employee is approved at once.
         */
        post: operations["my_rights_create_handover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handovers/{handover_id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or decline a handover request (the employee only) */
        post: operations["my_rights_decide_handover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handovers/{handover_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The employee's earlier agreed conversations, for the new manager after approval (read-only) */
        get: operations["my_rights_handover_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person and their manager (from Microsoft Graph)
         * @description `directory` is `unavailable` when Microsoft Graph cannot be reached: the person is still returned, without a manager. Missing consent answers 403 `consent_required`.
         */
        get: operations["admin_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log of what happened to my data
         * @description Who read, approved, exported or erased what about the signed-in person: their own actions and what happened in conversations they are a party of, newest first, with the actor's name and a description in the reader's language. Paged with `before`.
         */
        get: operations["my_data_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My check-ins with the state of each part
         * @description Check-ins where I am the employee or the manager, newest first; each part not_started, in_progress or done.
         */
        get: operations["checkins_my_checkins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What erasing me would remove now, and what stays until when */
        get: operations["my_rights_erasure_preview"];
        put?: never;
        /**
         * Erase me (by the erasure policy); asking again erases nothing more
         * @description Removes the person's own data at once and pseudonymises what the organisation keeps until its retention ends (the agreements both approved). Recorded in the audit log.
         */
        post: operations["my_rights_erase_me"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download all of my data (JSON)
         * @description Everything stored about the signed-in person: the person record, every conversation they are a party of with what both parties share there, their own private preparation and wellbeing pulses (never the other party's private ones), their consent choices and the audit events concerning them. Sent as an attachment (`Content-Disposition`); the export is recorded in the audit log.
         */
        get: operations["my_data_export_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download all of my data as a readable PDF
         * @description The same content as the JSON export, laid out for reading, in the reader's language (`X-Teams-Locale`, then `Accept-Language`). Recorded in the audit log.
         */
        get: operations["my_data_export_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The last reminder sent to me per conversation
         * @description Reminders go to the Teams activity feed, or by e-mail when the feed is not permitted; each is sent once. Only the signed-in person's own reminders, newest first.
         */
        get: operations["reminders_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/successes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The successes of my goals
         * @description Goals marked achieved, with their note, of every pair I am part of; newest first.
         */
        get: operations["checkins_my_successes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's settings (HR/admin)
         * @description `version` 0: the organisation has saved none, these are the defaults.
         */
        get: operations["organisation_show_settings"];
        /**
         * Change the organisation's settings (HR/admin)
         * @description Send every setting and the `version` read. Another admin's change since answers 409 `stale_version` with the current settings in `current`.
         */
        put: operations["organisation_change_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{object_id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A colleague's profile photo
         * @description The image as the directory has it; 404 `photo_not_found` when there is none (show initials). 503 `directory_unavailable` when Microsoft Graph cannot be reached.
         */
        get: operations["people_photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search my organisation's directory by name or e-mail address
         * @description At most 20 people, the signed-in person left out; 2 to 64 characters (else 422). 503 `directory_unavailable` when Microsoft Graph cannot be reached.
         */
        get: operations["people_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The people to offer first: the meeting's participants, my reports and my manager
         * @description From the directory (Microsoft Graph). 503 `directory_unavailable` when Microsoft Graph cannot be reached.
         */
        get: operations["people_suggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preparation/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guided preparation questions for a role and a kind of conversation, in my language */
        get: operations["preparation_prompts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My direct reports in the directory, each with cadence, what is due and how it goes
         * @description Every direct report in Microsoft Graph, also those never planned with or never signed in, sorted by what needs attention first (none: an empty list). Only the pair's own records are read; the wellbeing trend holds only pulses the employee shared. 503 `directory_unavailable` when the directory cannot be asked.
         */
        get: operations["team_get_team"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/{employee_object_id}/cadence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An employee's cadence (MUS and check-in intervals) and what is due
         * @description The employee reads their own; their manager in the directory reads it too (403 `not_your_report` for anyone else).
         */
        get: operations["team_get_cadence"];
        /**
         * Set an employee's cadence (their current manager in the directory only)
         * @description MUS every 6 to 24 months; check-ins every 2, 4, 6, 8 or 12 weeks, or none. A change based on an older `version` is refused with 409 `stale_version` and the current cadence.
         */
        put: operations["team_put_cadence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agenda templates: built-in and the organisation's own */
        get: operations["admin_list_templates"];
        put?: never;
        /** Add an organisation template (HR/admin) */
        post: operations["admin_create_template"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change an organisation template's name and sections (HR/admin)
         * @description Conversations already planned from it keep their agenda. Built-in templates cannot be changed (403); a retired one neither (409).
         */
        put: operations["organisation_change_template"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{key}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire an organisation template: no longer offered for new conversations (HR/admin)
         * @description Conversations that used it keep their agenda. The default MUS template cannot be retired (409 template_is_default).
         */
        post: operations["organisation_retire_template"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["health_healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and accepts a write */
        get: operations["health_readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ActionBase
         * @description The changed fields' values when the editor started (for the three-way merge).
         */
        ActionBase: {
            /**
             * Due Date
             * @default null
             */
            due_date?: string | null;
            /**
             * Goal Id
             * @default null
             */
            goal_id?: number | null;
            /** @default null */
            kind?: components["schemas"]["ActionKind"] | null;
            /** @default null */
            owner?: components["schemas"]["Party"] | null;
            /**
             * Resources
             * @default null
             */
            resources?: string | null;
            /** @default null */
            status?: components["schemas"]["ActionStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
        };
        /** ActionCreate */
        ActionCreate: {
            /**
             * Due Date
             * @default null
             */
            due_date?: string | null;
            /**
             * Goal Id
             * @description A goal of this conversation's employee.
             * @default null
             */
            goal_id?: number | null;
            kind: components["schemas"]["ActionKind"];
            /**
             * @description Who carries the action out.
             * @default employee
             */
            owner?: components["schemas"]["Party"];
            /**
             * Resources
             * @default
             */
            resources?: string;
            /** @default planned */
            status?: components["schemas"]["ActionStatus"];
            /** Title */
            title: string;
        };
        /** ActionDraftFields */
        ActionDraftFields: {
            /**
             * Due Date
             * @default null
             */
            due_date?: string | null;
            /**
             * Goal Id
             * @default null
             */
            goal_id?: number | null;
            /** @default null */
            kind?: components["schemas"]["ActionKind"] | null;
            /** @default null */
            owner?: components["schemas"]["Party"] | null;
            /**
             * Resources
             * @default null
             */
            resources?: string | null;
            /** @default null */
            status?: components["schemas"]["ActionStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
        };
        /** ActionDraftIn */
        ActionDraftIn: {
            /** @description The fields typed so far that differ from where the editor started. */
            fields: components["schemas"]["ActionDraftFields"];
            /**
             * Id
             * @description The goal or action being changed; null for a new one.
             * @default null
             */
            id?: number | null;
        };
        /**
         * ActionKind
         * @enum {string}
         */
        ActionKind: "course" | "workshop" | "on_the_job_training" | "mentoring" | "cross_training" | "job_rotation" | "other";
        /** ActionList */
        ActionList: {
            /** Items */
            items: components["schemas"]["ActionOut"][];
        };
        /** ActionOut */
        ActionOut: {
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Due Date */
            due_date: string | null;
            /** Goal Id */
            goal_id: number | null;
            /** Id */
            id: number;
            kind: components["schemas"]["ActionKind"];
            owner: components["schemas"]["ActionOwnerOut"];
            /** Resources */
            resources: string;
            status: components["schemas"]["ActionStatus"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** ActionOwnerOut */
        ActionOwnerOut: {
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            /**
             * Left
             * @description The directory no longer knows the person (they left).
             * @default false
             */
            left?: boolean;
            /** Object Id */
            object_id: string;
            role: components["schemas"]["Party"];
        };
        /** ActionPatch */
        ActionPatch: {
            /**
             * @description The values of the changed fields when the editor started. With it, a change based on an older version is merged with what was saved since: text fields keep both people's words, a non-text field both changed to different values is refused (409 edit_conflict, naming each field with theirs and mine, and the current record). Without it, a change to an older version is refused.
             * @default null
             */
            base?: components["schemas"]["ActionBase"] | null;
            /**
             * Due Date
             * @description null clears the due date.
             * @default null
             */
            due_date?: string | null;
            /**
             * Goal Id
             * @description null unlinks the goal.
             * @default null
             */
            goal_id?: number | null;
            /** @default null */
            kind?: components["schemas"]["ActionKind"] | null;
            /** @default null */
            owner?: components["schemas"]["Party"] | null;
            /**
             * Resources
             * @default null
             */
            resources?: string | null;
            /** @default null */
            status?: components["schemas"]["ActionStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /**
         * ActionStatus
         * @enum {string}
         */
        ActionStatus: "planned" | "in_progress" | "done" | "cancelled";
        /** AdjustmentIn */
        AdjustmentIn: {
            /**
             * Checkin Id
             * @description The check-in in which the adjustment is made.
             * @default null
             */
            checkin_id?: number | null;
            /**
             * Deadline
             * @description null clears the deadline.
             * @default null
             */
            deadline?: string | null;
            /**
             * Measure
             * @default null
             */
            measure?: string | null;
            /** @default null */
            status?: components["schemas"]["GoalStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** AdjustmentOut */
        AdjustmentOut: {
            /** Agreement Conversation Id */
            agreement_conversation_id: number;
            /**
             * Changes
             * @description The proposed values of the adjusted fields.
             */
            changes: {
                [key: string]: unknown;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Goal Id */
            goal_id: number;
            /** Id */
            id: number;
            proposed_by: components["schemas"]["PersonOut"];
        };
        /** AdjustmentResultOut */
        AdjustmentResultOut: {
            /** Agreement Number */
            agreement_number: number | null;
            /**
             * Applied
             * @description true: changed at once; false: proposed in a new agreement version.
             */
            applied: boolean;
            /** @description The goal as it is now (an agreed goal keeps its values until approved). */
            goal: components["schemas"]["GoalOut"];
            pending: components["schemas"]["AdjustmentOut"] | null;
        };
        /** AgendaItemCreate */
        AgendaItemCreate: {
            /** Title */
            title: string;
        };
        /** AgendaItemOut */
        AgendaItemOut: {
            /** Id */
            id: number;
            /** Notes */
            notes: string;
            /** Notes Removed */
            notes_removed: boolean;
            /** Position */
            position: number;
            /** Section Key */
            section_key: string;
            /** Talking Points */
            talking_points: components["schemas"]["TalkingPointOut"][];
            /** Title */
            title: {
                [key: string]: string;
            };
            /** Tools */
            tools: components["schemas"]["Tool"][];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** AgendaItemPatch */
        AgendaItemPatch: {
            /** Notes */
            notes: string;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** AgreementOut */
        AgreementOut: {
            conversation_status: components["schemas"]["Status"];
            /**
             * Items
             * @description All versions, newest first.
             */
            items: components["schemas"]["AgreementVersionOut"][];
        };
        /** AgreementPdfQuery */
        AgreementPdfQuery: {
            /**
             * Lang
             * @description The document's language; by default the reader's (`X-Teams-Locale`, then `Accept-Language`).
             * @default null
             */
            lang?: ("da" | "en") | null;
            /**
             * Tz
             * @description The reader's IANA time zone for the approval times (e.g. `Europe/Copenhagen`, the default).
             * @default null
             */
            tz?: string | null;
        };
        /** AgreementVersionOut */
        AgreementVersionOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            created_by: components["schemas"]["PersonOut"];
            /** Decisions */
            decisions: components["schemas"]["DecisionOut"][];
            /** Locked At */
            locked_at: string | null;
            /** Number */
            number: number;
            snapshot: components["schemas"]["SnapshotOut"];
            state: components["schemas"]["VersionState"];
        };
        /** AnswersOut */
        AnswersOut: {
            /** Blockers */
            blockers: string;
            /** Goals */
            goals: components["schemas"]["GoalAnswerOut"][];
            /** Next Steps */
            next_steps: string;
            pulse: components["schemas"]["PulseAnswerOut"] | null;
        };
        /** AuditEntryOut */
        AuditEntryOut: {
            /**
             * Action
             * @description The machine code of what happened, e.g. `agreement.approved`.
             */
            action: string;
            /**
             * Actor Name
             * @description A display name; null when the person is no longer known.
             */
            actor_name: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By Me */
            by_me: boolean;
            /** Conversation Id */
            conversation_id: number | null;
            /** Conversation Title */
            conversation_title: string | null;
            /**
             * Description
             * @description What happened, in the reader's language.
             */
            description: string;
            /** Id */
            id: number;
        };
        /** AuditPageOut */
        AuditPageOut: {
            /** Items */
            items: components["schemas"]["AuditEntryOut"][];
            /**
             * Next Before
             * @description Pass as `before` for the next (older) page; null at the end.
             */
            next_before: number | null;
        };
        /** AuditQuery */
        AuditQuery: {
            /**
             * Before
             * @description The `next_before` of the previous page.
             * @default null
             */
            before?: number | null;
            /**
             * Limit
             * @default 50
             */
            limit?: number;
        };
        /** CadenceIn */
        CadenceIn: {
            /**
             * Check In Interval Weeks
             * @description Weeks between check-ins (2, 4, 6, 8 or 12), or null for none.
             */
            check_in_interval_weeks: (2 | 4 | 6 | 8 | 12) | null;
            /**
             * Mus Interval Months
             * @description Months between MUS (6 to 24).
             */
            mus_interval_months: number;
            /**
             * Version
             * @description The version the change is based on (0: the defaults, never set).
             */
            version: number;
        };
        /** CadenceOut */
        CadenceOut: {
            /** Check In Interval Weeks */
            check_in_interval_weeks: number | null;
            /** Employee Object Id */
            employee_object_id: string;
            /**
             * Is Default
             * @description True when the manager has set none: the defaults apply.
             */
            is_default: boolean;
            /** Mus Interval Months */
            mus_interval_months: number;
            set_by: components["schemas"]["PersonOut"] | null;
            status: components["schemas"]["CadenceStatusOut"];
            /** Updated At */
            updated_at: string | null;
            /**
             * Version
             * @description Send it back with a change; 0 while the defaults apply.
             */
            version: number;
        };
        /** CadenceStatusOut */
        CadenceStatusOut: {
            check_in: components["schemas"]["DueOut"];
            mus: components["schemas"]["DueOut"];
        };
        /** CandidateList */
        CandidateList: {
            /** Items */
            items: components["schemas"]["CandidateOut"][];
        };
        /** CandidateOut */
        CandidateOut: {
            /**
             * Confirmed Pair
             * @description The directory shows the two as manager and employee. Planning with anyone else needs the employee's explicit confirmation (`confirm_relationship`).
             */
            confirmed_pair: boolean;
            /**
             * Department
             * @default null
             */
            department?: string | null;
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            /**
             * In Meeting
             * @default false
             */
            in_meeting?: boolean;
            /**
             * Job Title
             * @default null
             */
            job_title?: string | null;
            /** Object Id */
            object_id: string;
            /**
             * Relation
             * @description How the person was found for the signed-in person; null: by a search.
             * @default null
             */
            relation?: ("report" | "manager" | "participant") | null;
        };
        /** CheckinGoalOut */
        CheckinGoalOut: {
            /** Deadline */
            deadline: string | null;
            /** Id */
            id: number;
            /**
             * Locked
             * @description Part of a locked agreement: a change is proposed, both approve it.
             */
            locked: boolean;
            /** Measure */
            measure: string;
            pending: components["schemas"]["AdjustmentOut"] | null;
            /** Progress Percent */
            progress_percent: number | null;
            status: components["schemas"]["GoalStatus"];
            success: components["schemas"]["SuccessOut"] | null;
            /** Title */
            title: string;
            /** Version */
            version: number;
        };
        /** CheckinList */
        CheckinList: {
            /** Items */
            items: components["schemas"]["CheckinSummaryOut"][];
        };
        /** CheckinOut */
        CheckinOut: {
            /** Can Close */
            can_close: boolean;
            /** Closed */
            closed: boolean;
            /** Closed At */
            closed_at: string | null;
            closed_by: components["schemas"]["PersonOut"] | null;
            /** Conversation Id */
            conversation_id: number;
            /** Goals */
            goals: components["schemas"]["CheckinGoalOut"][];
            mine: components["schemas"]["PartOut"];
            /** Status */
            status: string;
            theirs: components["schemas"]["PartOut"];
            /** Title */
            title: string;
        };
        /** CheckinSummaryOut */
        CheckinSummaryOut: {
            /** Closed */
            closed: boolean;
            /** Conversation Id */
            conversation_id: number;
            employee: components["schemas"]["PersonOut"];
            manager: components["schemas"]["PersonOut"];
            my_state: components["schemas"]["PartState"];
            /** Scheduled At */
            scheduled_at: string | null;
            their_state: components["schemas"]["PartState"];
            /** Title */
            title: string;
        };
        /** ConsentAnswerOut */
        ConsentAnswerOut: {
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /** Value */
            value: boolean;
        };
        /** ConsentIn */
        ConsentIn: {
            kind: components["schemas"]["ConsentKind"];
            /**
             * Value
             * @description The signed-in party's answer: yes (true) or no (false).
             */
            value: boolean;
        };
        /** ConsentItemOut */
        ConsentItemOut: {
            /** Both Agreed */
            both_agreed: boolean;
            /** @description null while the employee has not answered. */
            employee: components["schemas"]["ConsentAnswerOut"] | null;
            kind: components["schemas"]["ConsentKind"];
            /** @description null while the manager has not answered. */
            manager: components["schemas"]["ConsentAnswerOut"] | null;
        };
        /**
         * ConsentKind
         * @description The consent questions each party answers once: the confidentiality statement, whether the
         *     shared working notes are kept after the meeting, and whether a recording or transcript is used.
         * @enum {string}
         */
        ConsentKind: "confidentiality" | "keep_shared_notes" | "recording";
        /** ConsentOut */
        ConsentOut: {
            /** Items */
            items: components["schemas"]["ConsentItemOut"][];
        };
        /** ConversationCreate */
        ConversationCreate: {
            /**
             * Confirm Relationship
             * @description The pair is always checked against the directory's manager relation; a pair the directory does not show is accepted only when the employee plans it with this confirmation, and recorded. 503 `directory_unconfirmed` when the directory cannot be asked.
             * @default false
             */
            confirm_relationship?: boolean;
            /**
             * @description Defaults to the signed-in person.
             * @default null
             */
            employee?: components["schemas"]["PersonRef"] | null;
            /** @default mus */
            kind?: components["schemas"]["ConversationKind"];
            /**
             * @description Defaults to the signed-in person.
             * @default null
             */
            manager?: components["schemas"]["PersonRef"] | null;
            /** @default null */
            meeting?: components["schemas"]["MeetingRef"] | null;
            /**
             * Scheduled At
             * @default null
             */
            scheduled_at?: string | null;
            /**
             * Template Key
             * @default null
             */
            template_key?: string | null;
            /**
             * Title
             * @default
             */
            title?: string;
        };
        /**
         * ConversationKind
         * @enum {string}
         */
        ConversationKind: "mus" | "checkin";
        /** ConversationList */
        ConversationList: {
            /** Items */
            items: components["schemas"]["ConversationListItem"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /** ConversationListItem */
        ConversationListItem: {
            /**
             * Calendar Status
             * @description The Teams meeting in both calendars: made, pending (retried later), not permitted (the `.ics` is the way), or none (planned in a meeting).
             * @enum {string}
             */
            calendar_status: "none" | "created" | "pending" | "not_permitted";
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** @description Who planned it (an employee who planned it asked for it). */
            created_by: components["schemas"]["PersonOut"];
            /** Duration Minutes */
            duration_minutes: number | null;
            employee: components["schemas"]["PersonOut"];
            /** Ends At */
            ends_at: string | null;
            /**
             * Follow Ups
             * @description The follow-up dates agreed in it, by date, each with its calendar state (the same as `GET …/follow-ups`), so a list needs no request per conversation.
             */
            follow_ups: components["schemas"]["FollowUpOut"][];
            /** Id */
            id: number;
            kind: components["schemas"]["ConversationKind"];
            manager: components["schemas"]["PersonOut"];
            meeting: components["schemas"]["MeetingOut"];
            /** Meeting Ended At */
            meeting_ended_at: string | null;
            /**
             * Relationship Check
             * @enum {string}
             */
            relationship_check: "directory" | "confirmed" | "unchecked";
            /** Scheduled At */
            scheduled_at: string | null;
            status: components["schemas"]["Status"];
            /** Template Key */
            template_key: string;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** ConversationOut */
        ConversationOut: {
            /** Agenda */
            agenda: components["schemas"]["AgendaItemOut"][];
            /**
             * Calendar Status
             * @description The Teams meeting in both calendars: made, pending (retried later), not permitted (the `.ics` is the way), or none (planned in a meeting).
             * @enum {string}
             */
            calendar_status: "none" | "created" | "pending" | "not_permitted";
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** @description Who planned it (an employee who planned it asked for it). */
            created_by: components["schemas"]["PersonOut"];
            /** Duration Minutes */
            duration_minutes: number | null;
            employee: components["schemas"]["PersonOut"];
            /** Ends At */
            ends_at: string | null;
            /** Id */
            id: number;
            kind: components["schemas"]["ConversationKind"];
            manager: components["schemas"]["PersonOut"];
            meeting: components["schemas"]["MeetingOut"];
            /** Meeting Ended At */
            meeting_ended_at: string | null;
            /**
             * Relationship Check
             * @enum {string}
             */
            relationship_check: "directory" | "confirmed" | "unchecked";
            /** Scheduled At */
            scheduled_at: string | null;
            status: components["schemas"]["Status"];
            /** Template Key */
            template_key: string;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** ConversationPatch */
        ConversationPatch: {
            /**
             * @description null unlinks the meeting.
             * @default null
             */
            meeting?: components["schemas"]["MeetingRef"] | null;
            /**
             * Scheduled At
             * @description null clears the time.
             * @default null
             */
            scheduled_at?: string | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** ConversationPlan */
        ConversationPlan: {
            /**
             * Allow Another
             * @description Plan it although the pair has an open conversation of this kind (without it: 409 `open_conversation_exists`, with that conversation in `current`).
             * @default false
             */
            allow_another?: boolean;
            /**
             * Confirm Relationship
             * @description As for planning in a meeting.
             * @default false
             */
            confirm_relationship?: boolean;
            /**
             * Duration Minutes
             * @description 15 to 180 minutes; default 60 for a MUS, 30 for a check-in.
             * @default null
             */
            duration_minutes?: number | null;
            /**
             * @description Defaults to the signed-in person.
             * @default null
             */
            employee?: components["schemas"]["PersonRef"] | null;
            /** @default mus */
            kind?: components["schemas"]["ConversationKind"];
            /**
             * @description Defaults to the signed-in person.
             * @default null
             */
            manager?: components["schemas"]["PersonRef"] | null;
            /**
             * Starts At
             * Format: date-time
             * @description The start, with the planner's UTC offset (ISO 8601, e.g. 2027-03-02T10:00:00+01:00); not in the past.
             */
            starts_at: string;
            /**
             * Template Key
             * @default null
             */
            template_key?: string | null;
            /**
             * Title
             * @default
             */
            title?: string;
        };
        /** ConversationQuery */
        ConversationQuery: {
            /**
             * Cursor
             * @description The previous page's `next_cursor` (opaque); none: the first page.
             * @default null
             */
            cursor?: string | null;
            /** @default null */
            kind?: components["schemas"]["ConversationKind"] | null;
            /**
             * Limit
             * @description Items per page, 1 to 100; default 25.
             * @default 25
             */
            limit?: number;
            /**
             * Meeting Id
             * @default null
             */
            meeting_id?: string | null;
            /**
             * Role
             * @default null
             */
            role?: string | null;
            /** @default null */
            status?: components["schemas"]["Status"] | null;
        };
        /** CoverageOut */
        CoverageOut: {
            /**
             * Employees With Mus
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            employees_with_mus: number | null;
            /**
             * Follow Ups Overdue
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            follow_ups_overdue: number | null;
            /** Kinds */
            kinds: components["schemas"]["KindCoverageOut"][];
            /**
             * Min Group Size
             * @description The smallest group a figure is shown for.
             */
            min_group_size: number;
            /** Tenant Id */
            tenant_id: string;
        };
        /**
         * DataExport
         * @description Everything stored about the signed-in person, as they may see it.
         */
        DataExport: {
            /** Audit Events */
            audit_events: components["schemas"]["ExportAuditEvent"][];
            /** Conversations */
            conversations: components["schemas"]["ExportConversation"][];
            /** Exported At */
            exported_at: string;
            /** Format Version */
            format_version: number;
            /** Language */
            language: string;
            person: components["schemas"]["ExportPerson"];
        };
        /**
         * Decision
         * @enum {string}
         */
        Decision: "approved" | "changes_requested";
        /** DecisionIn */
        DecisionIn: {
            /**
             * Comment
             * @description Required when asking for changes.
             * @default null
             */
            comment?: string | null;
            decision: components["schemas"]["Decision"];
            /**
             * Disagreement
             * @description Record that this party disagrees with the content.
             * @default false
             */
            disagreement?: boolean;
        };
        /** DecisionOut */
        DecisionOut: {
            /** Comment */
            comment: string;
            /**
             * Decided At
             * Format: date-time
             */
            decided_at: string;
            decision: components["schemas"]["Decision"];
            /** Disagreement */
            disagreement: boolean;
            party: components["schemas"]["Party"];
            person: components["schemas"]["PersonOut"];
        };
        /** DirectoryPersonOut */
        DirectoryPersonOut: {
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            /**
             * Job Title
             * @default null
             */
            job_title?: string | null;
            /** Object Id */
            object_id: string;
        };
        /** DoneIn */
        DoneIn: {
            /**
             * Version
             * @description The version of my part the change is based on: 0 before I started it. A write based on an older version (another tab) is refused with 409 stale_version and the check-in as it is now.
             */
            version: number;
        };
        /** DraftAck */
        DraftAck: {
            /**
             * Ttl Seconds
             * @description Send the draft again within this time, or it is gone.
             */
            ttl_seconds: number;
        };
        /** DueOut */
        DueOut: {
            /**
             * Due On
             * @description When the next one is due (none: no check-in interval set).
             */
            due_on: string | null;
            /**
             * State
             * @description `planned`: one is planned; `overdue`: the date passed; `due`: within 14 days (MUS) or 3 days (check-in); `ok`: later; `none`: no check-in interval.
             * @enum {string}
             */
            state: "ok" | "due" | "overdue" | "planned" | "none";
        };
        /** ErasureConfirm */
        ErasureConfirm: {
            /**
             * Confirm
             * @description The person confirmed the erasure.
             * @constant
             */
            confirm: true;
        };
        /** ErasureDone */
        ErasureDone: {
            /**
             * Erased
             * @description True when there is nothing left to erase.
             */
            erased: boolean;
            /**
             * Erased At
             * Format: date-time
             */
            erased_at: string;
            /** Goes Now */
            goes_now: components["schemas"]["ErasureLine"][];
            /**
             * Kept Always
             * @description What is always kept (the audit log's entries, no content).
             */
            kept_always: string[];
            /** Kept Until */
            kept_until: components["schemas"]["KeptAgreementOut"][];
        };
        /** ErasureLine */
        ErasureLine: {
            /** Count */
            count: number;
            /** Kind */
            kind: string;
            /**
             * Text
             * @description What goes, in the reader's language.
             */
            text: string;
        };
        /** ErasurePreview */
        ErasurePreview: {
            /**
             * Erased
             * @description True when there is nothing left to erase.
             */
            erased: boolean;
            /** Goes Now */
            goes_now: components["schemas"]["ErasureLine"][];
            /**
             * Kept Always
             * @description What is always kept (the audit log's entries, no content).
             */
            kept_always: string[];
            /** Kept Until */
            kept_until: components["schemas"]["KeptAgreementOut"][];
        };
        /** ErrorBody */
        ErrorBody: {
            error: components["schemas"]["ErrorDetail"];
        };
        /** ErrorDetail */
        ErrorDetail: {
            /** Code */
            code: string;
            /**
             * Current
             * @default null
             */
            current?: {
                [key: string]: unknown;
            } | null;
            /**
             * Field
             * @default null
             */
            field?: string | null;
            /**
             * Fields
             * @default null
             */
            fields?: {
                [key: string]: unknown;
            }[] | null;
            /** Message */
            message: string;
        };
        /** ExportAction */
        ExportAction: {
            /**
             * Due Date
             * @description ISO 8601 date or date-time (UTC).
             */
            due_date: string | null;
            /** Goal Id */
            goal_id: number | null;
            /** Id */
            id: number;
            /** Kind */
            kind: string;
            /**
             * Owner
             * @description A display name; null when the person is no longer known.
             */
            owner: string | null;
            /** Resources */
            resources: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /** ExportAgendaItem */
        ExportAgendaItem: {
            /** Id */
            id: number;
            /** Notes Removed */
            notes_removed: boolean;
            /** Position */
            position: number;
            /** Section Key */
            section_key: string;
            /**
             * Shared Notes
             * @description The shared working notes (empty once removed).
             */
            shared_notes: string;
            /**
             * Summary
             * @description The agreed summary of the item (part of the agreement).
             */
            summary: string;
            /** Talking Points */
            talking_points: components["schemas"]["ExportTalkingPoint"][];
            /**
             * Title
             * @description The item's title per language.
             */
            title: {
                [key: string]: string;
            };
        };
        /** ExportAgreementVersion */
        ExportAgreementVersion: {
            /** Approvals */
            approvals: components["schemas"]["ExportApproval"][];
            /**
             * Content
             * @description What the version records: agenda summaries, goals, actions.
             */
            content: {
                [key: string]: unknown;
            };
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /**
             * Locked At
             * @description ISO 8601 date or date-time (UTC).
             */
            locked_at: string | null;
            /** Number */
            number: number;
        };
        /** ExportApproval */
        ExportApproval: {
            /** Comment */
            comment: string;
            /**
             * Decided At
             * @description ISO 8601 date or date-time (UTC).
             */
            decided_at: string | null;
            /** Decision */
            decision: string;
            /** Disagreement */
            disagreement: boolean;
            /** Party */
            party: string;
            /**
             * Person
             * @description A display name; null when the person is no longer known.
             */
            person: string | null;
        };
        /** ExportAuditEvent */
        ExportAuditEvent: {
            /** Action */
            action: string;
            /**
             * Actor Name
             * @description A display name; null when the person is no longer known.
             */
            actor_name: string | null;
            /** At */
            at: string;
            /** By Me */
            by_me: boolean;
            /** Conversation Id */
            conversation_id: number | null;
            /** Description */
            description: string;
            /** Id */
            id: number;
        };
        /** ExportCheckinPart */
        ExportCheckinPart: {
            /** Blockers */
            blockers: string;
            /**
             * Done At
             * @description ISO 8601 date or date-time (UTC).
             */
            done_at: string | null;
            /**
             * Goals
             * @description Per goal: goal_id, percent, note.
             */
            goals: {
                [key: string]: unknown;
            }[];
            /** Next Steps */
            next_steps: string;
            /** Pulse Comment */
            pulse_comment: string;
            /** Pulse Score */
            pulse_score: number | null;
            /** Pulse Shared */
            pulse_shared: boolean;
            /** State */
            state: string;
            /**
             * Updated At
             * @description ISO 8601 date or date-time (UTC).
             */
            updated_at: string | null;
        };
        /** ExportConsent */
        ExportConsent: {
            /** Kind */
            kind: string;
            /** Party */
            party: string;
            /**
             * Recorded At
             * @description ISO 8601 date or date-time (UTC).
             */
            recorded_at: string | null;
            /** Value */
            value: boolean;
        };
        /** ExportConversation */
        ExportConversation: {
            /** Agenda */
            agenda: components["schemas"]["ExportAgendaItem"][];
            /** Agreement Versions */
            agreement_versions: components["schemas"]["ExportAgreementVersion"][];
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Development Actions */
            development_actions: components["schemas"]["ExportAction"][];
            /**
             * Employee
             * @description A display name; null when the person is no longer known.
             */
            employee: string | null;
            /**
             * Feedback
             * @description Feedback given and received in the conversation.
             */
            feedback: components["schemas"]["ExportFeedback"][];
            /** Follow Ups */
            follow_ups: components["schemas"]["ExportFollowUp"][];
            /** Goals */
            goals: components["schemas"]["ExportGoal"][];
            /** Id */
            id: number;
            /** Kind */
            kind: string;
            /**
             * Manager
             * @description A display name; null when the person is no longer known.
             */
            manager: string | null;
            /**
             * Meeting Ended At
             * @description ISO 8601 date or date-time (UTC).
             */
            meeting_ended_at: string | null;
            /**
             * @description My own part of an asynchronous check-in (never the other party's).
             * @default null
             */
            my_checkin_part?: components["schemas"]["ExportCheckinPart"] | null;
            /** My Consents */
            my_consents: components["schemas"]["ExportConsent"][];
            /**
             * My Preparation
             * @description The person's own private preparation.
             */
            my_preparation: components["schemas"]["ExportPreparation"][];
            /**
             * My Role
             * @enum {string}
             */
            my_role: "employee" | "manager";
            /**
             * Scheduled At
             * @description ISO 8601 date or date-time (UTC).
             */
            scheduled_at: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /**
             * Wellbeing
             * @description The person's own wellbeing pulses, and the other party's shared ones.
             */
            wellbeing: components["schemas"]["ExportPulse"][];
        };
        /** ExportFeedback */
        ExportFeedback: {
            /**
             * Author
             * @description A display name; null when the person is no longer known.
             */
            author: string | null;
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Direction */
            direction: string;
            /** Given By Me */
            given_by_me: boolean;
            /** Kind */
            kind: string;
            /** Text */
            text: string;
        };
        /** ExportFollowUp */
        ExportFollowUp: {
            /**
             * Due On
             * @description ISO 8601 date or date-time (UTC).
             */
            due_on: string | null;
            /** Title */
            title: string;
        };
        /** ExportGoal */
        ExportGoal: {
            /** Achievable */
            achievable: string;
            /** Changes */
            changes: components["schemas"]["ExportGoalChange"][];
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /**
             * Deadline
             * @description ISO 8601 date or date-time (UTC).
             */
            deadline: string | null;
            /** Id */
            id: number;
            /** Measure */
            measure: string;
            /**
             * Progress
             * @description Progress notes from check-ins.
             */
            progress: components["schemas"]["ExportProgress"][];
            /** Relevance */
            relevance: string;
            /** Specific */
            specific: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /** ExportGoalChange */
        ExportGoalChange: {
            /**
             * Author
             * @description A display name; null when the person is no longer known.
             */
            author: string | null;
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Field */
            field: string;
            /** New Value */
            new_value: string | null;
            /** Old Value */
            old_value: string | null;
        };
        /** ExportPerson */
        ExportPerson: {
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            /** Locale */
            locale: string;
            /** Object Id */
            object_id: string;
            /**
             * Signed In At
             * @description ISO 8601 date or date-time (UTC).
             */
            signed_in_at: string | null;
            /** Tenant Id */
            tenant_id: string;
        };
        /** ExportPreparation */
        ExportPreparation: {
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Prompt Key */
            prompt_key: string | null;
            /** Text */
            text: string;
            /**
             * Updated At
             * @description ISO 8601 date or date-time (UTC).
             */
            updated_at: string | null;
        };
        /** ExportProgress */
        ExportProgress: {
            /**
             * Author
             * @description A display name; null when the person is no longer known.
             */
            author: string | null;
            /** Conversation Id */
            conversation_id: number | null;
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Note */
            note: string;
            /** Percent */
            percent: number;
        };
        /** ExportPulse */
        ExportPulse: {
            /**
             * Author
             * @description A display name; null when the person is no longer known.
             */
            author: string | null;
            /** Comment */
            comment: string;
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Mine */
            mine: boolean;
            /** Score */
            score: number;
            /** Shared */
            shared: boolean;
        };
        /** ExportTalkingPoint */
        ExportTalkingPoint: {
            /**
             * Author
             * @description A display name; null when the person is no longer known.
             */
            author: string | null;
            /**
             * Created At
             * @description ISO 8601 date or date-time (UTC).
             */
            created_at: string | null;
            /** Text */
            text: string;
        };
        /** FeedbackCreate */
        FeedbackCreate: {
            kind: components["schemas"]["FeedbackKind"];
            /** Text */
            text: string;
        };
        /**
         * FeedbackDirection
         * @enum {string}
         */
        FeedbackDirection: "to_employee" | "to_manager";
        /**
         * FeedbackKind
         * @enum {string}
         */
        FeedbackKind: "recognition" | "improvement";
        /** FeedbackList */
        FeedbackList: {
            /** Items */
            items: components["schemas"]["FeedbackOut"][];
        };
        /** FeedbackOut */
        FeedbackOut: {
            author: components["schemas"]["PersonOut"];
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            direction: components["schemas"]["FeedbackDirection"];
            /** Id */
            id: number;
            kind: components["schemas"]["FeedbackKind"];
            /** Text */
            text: string;
        };
        /** FindingOut */
        FindingOut: {
            /**
             * Criterion
             * @enum {string}
             */
            criterion: "specific" | "measurable" | "achievable" | "relevant" | "time_bound";
            /**
             * Reason
             * @description The reason in the signed-in person's language.
             */
            reason: string;
            /**
             * Reason Code
             * @description Catalogue key, e.g. smart.measurable.no_measure
             */
            reason_code: string;
            verdict: components["schemas"]["Verdict"];
        };
        /** FollowUpBase */
        FollowUpBase: {
            /**
             * Due On
             * @default null
             */
            due_on?: string | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
        };
        /** FollowUpCreate */
        FollowUpCreate: {
            /**
             * Due On
             * Format: date
             */
            due_on: string;
            /** Title */
            title: string;
        };
        /** FollowUpEdit */
        FollowUpEdit: {
            /** @description The values the change started from (as read at `version`): a stale write is merged against them; a field changed without its starting value is a conflict. */
            base: components["schemas"]["FollowUpBase"];
            /**
             * Due On
             * @default null
             */
            due_on?: string | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** FollowUpList */
        FollowUpList: {
            /** Items */
            items: components["schemas"]["FollowUpOut"][];
        };
        /** FollowUpOut */
        FollowUpOut: {
            /**
             * Calendar
             * @description Where the follow-up's event in both calendars stands, once the agreement was locked: `in_calendar`, `pending` (being sent, or Microsoft 365 unavailable: retried), `not_permitted` (the organisation did not permit calendar access: use the .ics). null: not scheduled (no agreement locked yet) or not known in this answer.
             * @default null
             */
            calendar?: ("in_calendar" | "pending" | "not_permitted") | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Due On
             * Format: date
             */
            due_on: string;
            /** Id */
            id: number;
            /** Title */
            title: string;
            /** Version */
            version: number;
        };
        /** GoalAnswerIn */
        GoalAnswerIn: {
            /** Goal Id */
            goal_id: number;
            /**
             * Note
             * @default
             */
            note?: string;
            /**
             * Percent
             * @description My view of the progress; null: not given.
             * @default null
             */
            percent?: number | null;
        };
        /** GoalAnswerOut */
        GoalAnswerOut: {
            /** Goal Id */
            goal_id: number;
            /** Note */
            note: string;
            /** Percent */
            percent: number | null;
        };
        /**
         * GoalBase
         * @description The changed fields' values when the editor started (for the three-way merge).
         */
        GoalBase: {
            /**
             * Achievable
             * @default null
             */
            achievable?: string | null;
            /**
             * Deadline
             * @default null
             */
            deadline?: string | null;
            /**
             * Measure
             * @default null
             */
            measure?: string | null;
            /**
             * Relevance
             * @default null
             */
            relevance?: string | null;
            /**
             * Specific
             * @default null
             */
            specific?: string | null;
            /** @default null */
            status?: components["schemas"]["GoalStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
        };
        /** GoalChangeOut */
        GoalChangeOut: {
            author: components["schemas"]["PersonOut"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Field */
            field: string;
            /** Id */
            id: number;
            /** New Value */
            new_value: string | null;
            /** Old Value */
            old_value: string | null;
        };
        /** GoalCreate */
        GoalCreate: {
            /**
             * Achievable
             * @default
             */
            achievable?: string;
            /**
             * Deadline
             * @default null
             */
            deadline?: string | null;
            /**
             * Measure
             * @default
             */
            measure?: string;
            /**
             * Relevance
             * @default
             */
            relevance?: string;
            /**
             * Specific
             * @default
             */
            specific?: string;
            /** @default draft */
            status?: components["schemas"]["GoalStatus"];
            /** Title */
            title: string;
        };
        /** GoalDraftFields */
        GoalDraftFields: {
            /**
             * Achievable
             * @default null
             */
            achievable?: string | null;
            /**
             * Deadline
             * @default null
             */
            deadline?: string | null;
            /**
             * Measure
             * @default null
             */
            measure?: string | null;
            /**
             * Relevance
             * @default null
             */
            relevance?: string | null;
            /**
             * Specific
             * @default null
             */
            specific?: string | null;
            /** @default null */
            status?: components["schemas"]["GoalStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
        };
        /** GoalDraftIn */
        GoalDraftIn: {
            /** @description The fields typed so far that differ from where the editor started. */
            fields: components["schemas"]["GoalDraftFields"];
            /**
             * Id
             * @description The goal or action being changed; null for a new one.
             * @default null
             */
            id?: number | null;
        };
        /** GoalGlanceOut */
        GoalGlanceOut: {
            /** Achieved */
            achieved: number;
            /**
             * Average Percent
             * @description The open goals' latest progress on average.
             */
            average_percent: number | null;
            /** Open */
            open: number;
            /**
             * Total
             * @description Goals of the pair, dropped ones left out.
             */
            total: number;
        };
        /** GoalHistory */
        GoalHistory: {
            /** Items */
            items: components["schemas"]["GoalChangeOut"][];
        };
        /** GoalList */
        GoalList: {
            /** Items */
            items: components["schemas"]["GoalSummary"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * GoalOut
         * @description One goal (the list's items carry the same fields).
         */
        GoalOut: {
            /** Achievable */
            achievable: string;
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deadline */
            deadline: string | null;
            employee: components["schemas"]["PersonOut"];
            /** Findings */
            findings: components["schemas"]["FindingOut"][];
            /** Id */
            id: number;
            /** Is Smart */
            is_smart: boolean;
            manager: components["schemas"]["PersonOut"];
            /** Measure */
            measure: string;
            /**
             * Progress
             * @description Every check-in, oldest first: the percent and the note written with it.
             */
            progress: components["schemas"]["ProgressOut"][];
            /**
             * Progress Percent
             * @description The latest progress, null before the first.
             */
            progress_percent: number | null;
            /** Relevance */
            relevance: string;
            /** Specific */
            specific: string;
            status: components["schemas"]["GoalStatus"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** GoalPatch */
        GoalPatch: {
            /**
             * Achievable
             * @default null
             */
            achievable?: string | null;
            /**
             * @description The values of the changed fields when the editor started. With it, a change based on an older version is merged with what was saved since: text fields keep both people's words, a non-text field both changed to different values is refused (409 edit_conflict, naming each field with theirs and mine, and the current record). Without it, a change to an older version is refused.
             * @default null
             */
            base?: components["schemas"]["GoalBase"] | null;
            /**
             * Deadline
             * @description null clears the deadline.
             * @default null
             */
            deadline?: string | null;
            /**
             * Measure
             * @default null
             */
            measure?: string | null;
            /**
             * Relevance
             * @default null
             */
            relevance?: string | null;
            /**
             * Specific
             * @default null
             */
            specific?: string | null;
            /**
             * @description Mark a success with achieved.
             * @default null
             */
            status?: components["schemas"]["GoalStatus"] | null;
            /**
             * Title
             * @default null
             */
            title?: string | null;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** GoalQuery */
        GoalQuery: {
            /**
             * Cursor
             * @description The previous page's `next_cursor` (opaque); none: the first page.
             * @default null
             */
            cursor?: string | null;
            /**
             * Limit
             * @description Items per page, 1 to 100; default 25.
             * @default 25
             */
            limit?: number;
            /**
             * Set Here
             * @description Only the goals set in this conversation (as its agreement shows them), not those of the pair's other conversations.
             * @default false
             */
            set_here?: boolean;
        };
        /**
         * GoalStatus
         * @enum {string}
         */
        GoalStatus: "draft" | "active" | "achieved" | "dropped";
        /** GoalSummary */
        GoalSummary: {
            /** Achievable */
            achievable: string;
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deadline */
            deadline: string | null;
            employee: components["schemas"]["PersonOut"];
            /** Findings */
            findings: components["schemas"]["FindingOut"][];
            /** Id */
            id: number;
            /** Is Smart */
            is_smart: boolean;
            manager: components["schemas"]["PersonOut"];
            /** Measure */
            measure: string;
            /**
             * Progress
             * @description Every check-in, oldest first: the percent and the note written with it.
             */
            progress: components["schemas"]["ProgressOut"][];
            /**
             * Progress Percent
             * @description The latest progress, null before the first.
             */
            progress_percent: number | null;
            /** Relevance */
            relevance: string;
            /** Specific */
            specific: string;
            status: components["schemas"]["GoalStatus"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** HandoverCreate */
        HandoverCreate: {
            /**
             * Employee Object Id
             * @description The new manager asks for this employee's history (they must be the manager).
             * @default null
             */
            employee_object_id?: string | null;
            /**
             * Offer
             * @description The employee offers their history to their manager (approved).
             * @default false
             */
            offer?: boolean;
        };
        /** HandoverDecision */
        HandoverDecision: {
            /**
             * Decision
             * @enum {string}
             */
            decision: "approved" | "declined";
        };
        /** HandoverList */
        HandoverList: {
            /** As Employee */
            as_employee: components["schemas"]["HandoverOut"][];
            /** As Manager */
            as_manager: components["schemas"]["HandoverOut"][];
            /**
             * Directory
             * @enum {string}
             */
            directory: "ok" | "unavailable";
            /** Reports */
            reports: components["schemas"]["ReportOut"][];
        };
        /** HandoverOut */
        HandoverOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Decided At */
            decided_at: string | null;
            employee: components["schemas"]["PersonOut"];
            from_manager: components["schemas"]["PersonOut"] | null;
            /** Id */
            id: number;
            /**
             * Requested By
             * @enum {string}
             */
            requested_by: "employee" | "manager";
            /**
             * Status
             * @enum {string}
             */
            status: "requested" | "approved" | "declined";
            to_manager: components["schemas"]["PersonOut"];
        };
        /** Health */
        Health: {
            /** Status */
            status: string;
        };
        /** HistoryItemOut */
        HistoryItemOut: {
            /**
             * Agreed At
             * Format: date-time
             */
            agreed_at: string;
            /** Agreement */
            agreement: {
                [key: string]: unknown;
            };
            /** Conversation Id */
            conversation_id: number;
            /** Kind */
            kind: string;
            manager: components["schemas"]["PersonOut"];
            /**
             * Number
             * @description The agreed version's number: its PDF is `.../agreement/{number}.pdf`.
             */
            number: number;
            /** Scheduled At */
            scheduled_at: string | null;
            /** Title */
            title: string;
        };
        /** HistoryOut */
        HistoryOut: {
            handover: components["schemas"]["HandoverOut"];
            /** Items */
            items: components["schemas"]["HistoryItemOut"][];
        };
        /** KeptAgreementOut */
        KeptAgreementOut: {
            /** Conversation Id */
            conversation_id: number;
            /** Kind */
            kind: string;
            /**
             * Text
             * @description What stays and until when, in the reader's language.
             */
            text: string;
            /** Title */
            title: string;
            /**
             * Until
             * Format: date
             */
            until: string;
        };
        /** KindCoverageOut */
        KindCoverageOut: {
            /**
             * Held
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            held: number | null;
            kind: components["schemas"]["ConversationKind"];
            /**
             * Overdue
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            overdue: number | null;
            /**
             * Planned
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            planned: number | null;
        };
        /** LiveQuery */
        LiveQuery: {
            /**
             * After
             * @description Resume after this event seq when the Last-Event-ID header cannot be sent.
             * @default null
             */
            after?: number | null;
        };
        /** Me */
        Me: {
            /**
             * Directory
             * @enum {string}
             */
            directory: "ok" | "unavailable";
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            /** Is Admin */
            is_admin: boolean;
            /** Locale */
            locale: string;
            manager: components["schemas"]["DirectoryPersonOut"] | null;
            /** Object Id */
            object_id: string;
            /** Tenant Id */
            tenant_id: string;
        };
        /** MeetingOut */
        MeetingOut: {
            /** Chat Id */
            chat_id: string | null;
            /** Join Url */
            join_url: string | null;
            /** Meeting Id */
            meeting_id: string | null;
        };
        /** MeetingRef */
        MeetingRef: {
            /**
             * Chat Id
             * @default null
             */
            chat_id?: string | null;
            /**
             * Join Url
             * @default null
             */
            join_url?: string | null;
            /**
             * Meeting Id
             * @default null
             */
            meeting_id?: string | null;
        };
        /** NextConversationOut */
        NextConversationOut: {
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "mus" | "checkin";
            /** Scheduled At */
            scheduled_at: string | null;
        };
        /** NotesOut */
        NotesOut: {
            /** Item Id */
            item_id: number;
            /**
             * Seq
             * @description The live channel's seq when this was read: stream from here.
             */
            seq: number;
            /**
             * State
             * @description Yjs update (base64): the whole document, or what the tab lacks.
             */
            state: string;
            /**
             * State Vector
             * @description The server document's Yjs state vector (base64).
             */
            state_vector: string;
            /** Text */
            text: string;
            /**
             * Version
             * @description The agenda item's version (for the versioned PATCH).
             */
            version: number;
        };
        /** NotesQuery */
        NotesQuery: {
            /**
             * State Vector
             * @description The tab's Yjs state vector (base64): only what the tab lacks is returned.
             * @default null
             */
            state_vector?: string | null;
        };
        /** NoteUpdateAck */
        NoteUpdateAck: {
            /**
             * Applied
             * @description False when the document had the update already (a retry).
             */
            applied: boolean;
            /** Item Id */
            item_id: number;
            /** Text Length */
            text_length: number;
            /** Version */
            version: number;
        };
        /** NoteUpdateIn */
        NoteUpdateIn: {
            /**
             * Update
             * @description A Yjs update (encoding v1), base64 (standard alphabet, with padding).
             */
            update: string;
        };
        /** OrgSettingsIn */
        OrgSettingsIn: {
            /**
             * Agreement Retention Months
             * @description Months an agreed conversation is kept after its last locked version; null: kept until a party is erased.
             */
            agreement_retention_months: number | null;
            /**
             * Checkin Interval Weeks
             * @description Default check-in interval in weeks; null: no check-ins by default.
             */
            checkin_interval_weeks: (2 | 4 | 6 | 8 | 12) | null;
            /**
             * Default Mus Template
             * @description The template a new MUS starts from; null: the built-in one.
             */
            default_mus_template: string | null;
            /**
             * Mus Interval Months
             * @description Default MUS interval.
             */
            mus_interval_months: number;
            /**
             * Notes Retention Days
             * @description Retention of working material: shared notes not kept, drafts, unfinished conversations, pulses and private preparation.
             */
            notes_retention_days: number;
            /**
             * Reminder Lead Days
             * @description Days before a MUS that the parties are reminded to prepare.
             */
            reminder_lead_days: number;
            /**
             * Version
             * @description The version the change is based on; 0: none saved yet.
             */
            version: number;
        };
        /** OrgSettingsOut */
        OrgSettingsOut: {
            /** Agreement Retention Months */
            agreement_retention_months: number | null;
            /** Checkin Interval Weeks */
            checkin_interval_weeks: number | null;
            /** Default Mus Template */
            default_mus_template: string | null;
            /** Mus Interval Months */
            mus_interval_months: number;
            /** Notes Retention Days */
            notes_retention_days: number;
            /** Reminder Lead Days */
            reminder_lead_days: number;
            /**
             * Version
             * @description 0: the organisation has not saved settings (these are the defaults).
             */
            version: number;
        };
        /** OverdueFollowUpsOut */
        OverdueFollowUpsOut: {
            /** Count */
            count: number;
            /** Earliest */
            earliest: string | null;
        };
        /** PartIn */
        PartIn: {
            /**
             * Blockers
             * @default
             */
            blockers?: string;
            /** Goals */
            goals?: components["schemas"]["GoalAnswerIn"][];
            /**
             * Next Steps
             * @default
             */
            next_steps?: string;
            /** @default null */
            pulse?: components["schemas"]["PulseAnswerIn"] | null;
            /**
             * Version
             * @description The version of my part the change is based on: 0 before I started it. A write based on an older version (another tab) is refused with 409 stale_version and the check-in as it is now.
             */
            version: number;
        };
        /** PartOut */
        PartOut: {
            /** @description Mine always; the other party's only once they marked their part done. */
            answers: components["schemas"]["AnswersOut"] | null;
            /** Done At */
            done_at: string | null;
            party: components["schemas"]["Party"];
            person: components["schemas"]["PersonOut"];
            state: components["schemas"]["PartState"];
            /** Updated At */
            updated_at: string | null;
            /** Version */
            version: number;
        };
        /**
         * PartState
         * @enum {string}
         */
        PartState: "not_started" | "in_progress" | "done";
        /**
         * Party
         * @enum {string}
         */
        Party: "employee" | "manager";
        /** PersonOut */
        PersonOut: {
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            /**
             * Left
             * @description The directory no longer knows the person (they left).
             * @default false
             */
            left?: boolean;
            /** Object Id */
            object_id: string;
        };
        /**
         * PersonRef
         * @description Another person, by their directory id only: the server takes the name and e-mail address from
         *     the directory (Microsoft Graph), never from the request.
         */
        PersonRef: {
            /**
             * Object Id
             * @description Entra object id
             */
            object_id: string;
        };
        /** PlannedConversationOut */
        PlannedConversationOut: {
            /** Agenda */
            agenda: components["schemas"]["AgendaItemOut"][];
            /**
             * Calendar Status
             * @description The Teams meeting in both calendars: made, pending (retried later), not permitted (the `.ics` is the way), or none (planned in a meeting).
             * @enum {string}
             */
            calendar_status: "none" | "created" | "pending" | "not_permitted";
            /**
             * Chat Tab
             * @description The app's tab in the meeting's chat: added, or why not.
             * @default null
             */
            chat_tab?: ("added" | "not_permitted" | "unavailable" | "skipped") | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** @description Who planned it (an employee who planned it asked for it). */
            created_by: components["schemas"]["PersonOut"];
            /** Duration Minutes */
            duration_minutes: number | null;
            employee: components["schemas"]["PersonOut"];
            /** Ends At */
            ends_at: string | null;
            /** Id */
            id: number;
            kind: components["schemas"]["ConversationKind"];
            manager: components["schemas"]["PersonOut"];
            meeting: components["schemas"]["MeetingOut"];
            /** Meeting Ended At */
            meeting_ended_at: string | null;
            /**
             * Relationship Check
             * @enum {string}
             */
            relationship_check: "directory" | "confirmed" | "unchecked";
            /** Scheduled At */
            scheduled_at: string | null;
            status: components["schemas"]["Status"];
            /** Template Key */
            template_key: string;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** PositionIn */
        PositionIn: {
            /**
             * Agenda Item Id
             * @description The agenda item both follow; null for none.
             */
            agenda_item_id: number | null;
        };
        /** PositionOut */
        PositionOut: {
            /** Agenda Item Id */
            agenda_item_id: number | null;
            /** At */
            at: string | null;
            by: components["schemas"]["PersonOut"] | null;
            /** Seq */
            seq: number;
        };
        /** PreparationCreate */
        PreparationCreate: {
            /**
             * Prompt Key
             * @default null
             */
            prompt_key?: string | null;
            /**
             * Text
             * @default
             */
            text?: string;
        };
        /** PreparationList */
        PreparationList: {
            /** Items */
            items: components["schemas"]["PreparationOut"][];
        };
        /** PreparationOut */
        PreparationOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Promoted */
            readonly promoted: boolean;
            /**
             * Promoted Item Id
             * @description The agenda item it became a talking point on.
             */
            promoted_item_id: number | null;
            /** Prompt Key */
            prompt_key: string | null;
            /** Text */
            text: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** PreparationPatch */
        PreparationPatch: {
            /**
             * Prompt Key
             * @description null clears the guided question.
             * @default null
             */
            prompt_key?: string | null;
            /**
             * Text
             * @default null
             */
            text?: string | null;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** PresenceEntry */
        PresenceEntry: {
            /** Agenda Item Id */
            agenda_item_id: number | null;
            /** Display Name */
            display_name: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Following */
            following: boolean;
            /** Object Id */
            object_id: string;
            /**
             * Seen At
             * Format: date-time
             */
            seen_at: string;
        };
        /** PresenceIn */
        PresenceIn: {
            /**
             * Agenda Item Id
             * @description The agenda item this person is on.
             * @default null
             */
            agenda_item_id?: number | null;
            /**
             * Following
             * @description Whether this person follows the shared position.
             * @default true
             */
            following?: boolean;
        };
        /** PresenceList */
        PresenceList: {
            /** Items */
            items: components["schemas"]["PresenceEntry"][];
            /**
             * Ttl Seconds
             * @description Refresh your entry well within this time (every ~15 s).
             */
            ttl_seconds: number;
        };
        /** ProgressCreate */
        ProgressCreate: {
            /**
             * Conversation Id
             * @description The conversation (e.g. a check-in) in which progress was followed up.
             * @default null
             */
            conversation_id?: number | null;
            /**
             * Note
             * @default
             */
            note?: string;
            /**
             * Percent
             * @description Progress in percent, 0 to 100.
             */
            percent: number;
        };
        /** ProgressOut */
        ProgressOut: {
            author: components["schemas"]["PersonOut"];
            /** Conversation Id */
            conversation_id: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Note */
            note: string;
            /** Percent */
            percent: number;
        };
        /** PromoteIn */
        PromoteIn: {
            /** Agenda Item Id */
            agenda_item_id: number;
        };
        /** PromoteOut */
        PromoteOut: {
            agenda_item: components["schemas"]["AgendaItemOut"];
            preparation: components["schemas"]["PreparationOut"];
        };
        /** PromptList */
        PromptList: {
            /** Items */
            items: components["schemas"]["PromptOut"][];
            /**
             * Kind
             * @enum {string}
             */
            kind: "mus" | "checkin";
            role: components["schemas"]["Party"];
        };
        /** PromptOut */
        PromptOut: {
            /** Key */
            key: string;
            /** Text */
            text: string;
        };
        /** PromptQuery */
        PromptQuery: {
            /**
             * Kind
             * @default mus
             * @enum {string}
             */
            kind?: "mus" | "checkin";
            /**
             * Role
             * @enum {string}
             */
            role: "employee" | "manager";
        };
        /** PulseAnswerIn */
        PulseAnswerIn: {
            /**
             * Comment
             * @default
             */
            comment?: string;
            /**
             * Score
             * @description 1 (very poor) to 5 (very good).
             */
            score: number;
            /**
             * Shared
             * @description Shared with the other party; otherwise seen by me only.
             * @default false
             */
            shared?: boolean;
        };
        /** PulseAnswerOut */
        PulseAnswerOut: {
            /** Comment */
            comment: string;
            /**
             * Score
             * @description null: the other party kept their pulse private.
             */
            score: number | null;
            /** Shared */
            shared: boolean;
        };
        /** PulseCreate */
        PulseCreate: {
            /**
             * Comment
             * @default
             */
            comment?: string;
            /**
             * Score
             * @description 1 (very poor) to 5 (very good).
             */
            score: number;
            /**
             * Shared
             * @description A private pulse is seen by its author only.
             * @default false
             */
            shared?: boolean;
        };
        /** PulseList */
        PulseList: {
            /** Items */
            items: components["schemas"]["PulseOut"][];
        };
        /** PulseOut */
        PulseOut: {
            author: components["schemas"]["PersonOut"];
            /** Comment */
            comment: string;
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Score */
            score: number;
            /** Shared */
            shared: boolean;
        };
        /** PulsePointOut */
        PulsePointOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Score */
            score: number;
        };
        /** ReportOut */
        ReportOut: {
            /** Display Name */
            display_name: string;
            handover: components["schemas"]["HandoverOut"] | null;
            /** Object Id */
            object_id: string;
        };
        /** SearchQuery */
        SearchQuery: {
            /**
             * Q
             * @description Part of a name or e-mail address (2 to 64 characters).
             */
            q: string;
        };
        /** SectionIn */
        SectionIn: {
            /** Key */
            key: string;
            /** Title */
            title: {
                [key: string]: string;
            };
            /**
             * Tools
             * @default []
             */
            tools?: components["schemas"]["Tool"][];
        };
        /** SentReminderList */
        SentReminderList: {
            /**
             * Items
             * @description The last reminder sent to me per conversation.
             */
            items: components["schemas"]["SentReminderOut"][];
        };
        /** SentReminderOut */
        SentReminderOut: {
            /**
             * Channel
             * @description The Teams activity feed, or e-mail.
             * @enum {string}
             */
            channel: "activity" | "mail";
            /** Conversation Id */
            conversation_id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "prepare" | "check_in_due" | "follow_up_due" | "follow_up_overdue" | "approved" | "changes_requested";
            /**
             * Sent At
             * Format: date-time
             */
            sent_at: string;
        };
        /** SmartCheckOut */
        SmartCheckOut: {
            /** Findings */
            findings: components["schemas"]["FindingOut"][];
            /** Is Smart */
            is_smart: boolean;
        };
        /** SmartFields */
        SmartFields: {
            /**
             * Achievable
             * @description Time, resources and support.
             * @default null
             */
            achievable?: string | null;
            /**
             * Deadline
             * @default null
             */
            deadline?: string | null;
            /**
             * Measure
             * @description How will you know that the goal is reached?
             * @default null
             */
            measure?: string | null;
            /**
             * Relevance
             * @description Why the goal matters.
             * @default null
             */
            relevance?: string | null;
            /**
             * Specific
             * @description What exactly will be different?
             * @default null
             */
            specific?: string | null;
        };
        /** SnapshotAction */
        SnapshotAction: {
            /** Due Date */
            due_date: string | null;
            /** Goal Id */
            goal_id: number | null;
            /** Kind */
            kind: string;
            owner_role: components["schemas"]["Party"] | null;
            /** Resources */
            resources: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /** SnapshotAgendaItem */
        SnapshotAgendaItem: {
            /** Section Key */
            section_key: string;
            /**
             * Summary
             * @description The summary both parties approve; never the working notes.
             */
            summary: string;
            /** Talking Points */
            talking_points: string[];
            /** Title */
            title: {
                [key: string]: string;
            };
        };
        /** SnapshotFollowUp */
        SnapshotFollowUp: {
            /**
             * Due On
             * Format: date
             */
            due_on: string;
            /** Title */
            title: string;
        };
        /** SnapshotGoal */
        SnapshotGoal: {
            /** Achievable */
            achievable: string;
            /** Deadline */
            deadline: string | null;
            /** Id */
            id: number;
            /** Measure */
            measure: string;
            /** Relevance */
            relevance: string;
            /** Specific */
            specific: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
        };
        /** SnapshotOut */
        SnapshotOut: {
            /** Agenda */
            agenda: components["schemas"]["SnapshotAgendaItem"][];
            /** Development Actions */
            development_actions: components["schemas"]["SnapshotAction"][];
            /** Follow Ups */
            follow_ups: components["schemas"]["SnapshotFollowUp"][];
            /** Goals */
            goals: components["schemas"]["SnapshotGoal"][];
        };
        /**
         * Status
         * @enum {string}
         */
        Status: "planned" | "preparing" | "in_meeting" | "reviewing" | "agreed";
        /** SuccessIn */
        SuccessIn: {
            /**
             * Checkin Id
             * @default null
             */
            checkin_id?: number | null;
            /** Note */
            note: string;
        };
        /** SuccessList */
        SuccessList: {
            /** Items */
            items: components["schemas"]["SuccessOut"][];
        };
        /** SuccessOut */
        SuccessOut: {
            employee: components["schemas"]["PersonOut"];
            /** Goal Id */
            goal_id: number;
            manager: components["schemas"]["PersonOut"];
            /**
             * Marked At
             * Format: date-time
             */
            marked_at: string;
            marked_by: components["schemas"]["PersonOut"];
            /** Note */
            note: string;
            /** Title */
            title: string;
        };
        /** SuggestionsQuery */
        SuggestionsQuery: {
            /**
             * Meeting Id
             * @description The Teams meeting's Graph id (onlineMeeting): its participants come first.
             * @default null
             */
            meeting_id?: string | null;
        };
        /** SummaryEdit */
        SummaryEdit: {
            /**
             * Base
             * @description The text the change started from (as read at `version`).
             */
            base: string;
            /** Text */
            text: string;
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** SummaryList */
        SummaryList: {
            /** Items */
            items: components["schemas"]["SummaryOut"][];
            /**
             * Keep Notes
             * @description Both parties chose to keep the notes: the summaries started from them.
             */
            keep_notes: boolean;
        };
        /** SummaryOut */
        SummaryOut: {
            /**
             * Agreement Number
             * @description The latest agreement version after the write.
             * @default 0
             */
            agreement_number?: number;
            /** Item Id */
            item_id: number;
            /**
             * Merged
             * @description The write was based on an older version and merged with it.
             * @default false
             */
            merged?: boolean;
            /** Section Key */
            section_key: string;
            /** Text */
            text: string;
            /** Title */
            title: {
                [key: string]: string;
            };
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** TalkingPointCreate */
        TalkingPointCreate: {
            /** Text */
            text: string;
        };
        /** TalkingPointOut */
        TalkingPointOut: {
            author: components["schemas"]["PersonOut"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** From Preparation */
            from_preparation: boolean;
            /** Id */
            id: number;
            /** Text */
            text: string;
        };
        /** TeamMemberOut */
        TeamMemberOut: {
            cadence: components["schemas"]["CadenceOut"];
            /** Display Name */
            display_name: string;
            /** Email */
            email: string;
            goals: components["schemas"]["GoalGlanceOut"];
            /** Job Title */
            job_title: string | null;
            /**
             * Last Mus
             * @description When the last MUS of the pair was held.
             */
            last_mus: string | null;
            next_conversation: components["schemas"]["NextConversationOut"] | null;
            /** Object Id */
            object_id: string;
            overdue_follow_ups: components["schemas"]["OverdueFollowUpsOut"];
            /**
             * Signed In
             * @description False for a report who has never opened the app.
             */
            signed_in: boolean;
            /**
             * Wellbeing
             * @description The last pulses (at most 3, oldest first) the employee chose to share.
             */
            wellbeing: components["schemas"]["PulsePointOut"][];
        };
        /** TeamOut */
        TeamOut: {
            /**
             * Members
             * @description What needs attention first: overdue, due, then by name.
             */
            members: components["schemas"]["TeamMemberOut"][];
            /**
             * Today
             * Format: date
             */
            today: string;
        };
        /** TemplateCreate */
        TemplateCreate: {
            /** Key */
            key: string;
            kind: components["schemas"]["ConversationKind"];
            /** Name */
            name: {
                [key: string]: string;
            };
            /** Sections */
            sections: components["schemas"]["SectionIn"][];
        };
        /** TemplateList */
        TemplateList: {
            /** Items */
            items: components["schemas"]["TemplateOut"][];
        };
        /** TemplateOut */
        TemplateOut: {
            /** Builtin */
            builtin: boolean;
            /** Key */
            key: string;
            kind: components["schemas"]["ConversationKind"];
            /** Name */
            name: {
                [key: string]: string;
            };
            /**
             * Retired
             * @description No longer offered for new conversations (an organisation's own).
             */
            retired: boolean;
            /** Sections */
            sections: components["schemas"]["TemplateSection"][];
            /**
             * Version
             * @description An organisation's template: its edit version (0 for built-in ones).
             */
            version: number;
        };
        /** TemplateRetire */
        TemplateRetire: {
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** TemplateSection */
        TemplateSection: {
            /** Key */
            key: string;
            /** Title */
            title: {
                [key: string]: string;
            };
            /** Tools */
            tools: components["schemas"]["Tool"][];
        };
        /** TemplateUpdate */
        TemplateUpdate: {
            /** Name */
            name: {
                [key: string]: string;
            };
            /** Sections */
            sections: components["schemas"]["SectionIn"][];
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /**
         * Tool
         * @description The working tool an agenda item offers besides notes and talking points.
         * @enum {string}
         */
        Tool: "goals" | "development" | "feedback" | "wellbeing" | "goal_progress" | "agreement";
        /** TransitionIn */
        TransitionIn: {
            status: components["schemas"]["Status"];
            /**
             * Version
             * @description The version the change is based on (optimistic locking).
             */
            version: number;
        };
        /** UnitCoverageOut */
        UnitCoverageOut: {
            /**
             * Checkins Recent
             * @description Employees with a check-in held in the last 90 days. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            checkins_recent: number | null;
            /**
             * Employees
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            employees: number | null;
            /**
             * Mus Held
             * @description Employees with a MUS agreed in the last 12 months. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            mus_held: number | null;
            /**
             * Mus Overdue
             * @description Employees without a MUS agreed within the MUS interval. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            mus_overdue: number | null;
            /**
             * Mus Planned
             * @description Employees with a MUS planned ahead. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            mus_planned: number | null;
            /**
             * Unit
             * @description The directory's department; null: none given.
             */
            unit: string | null;
        };
        /** UnitFigures */
        UnitFigures: {
            /**
             * Checkins Recent
             * @description Employees with a check-in held in the last 90 days. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            checkins_recent: number | null;
            /**
             * Employees
             * @description null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            employees: number | null;
            /**
             * Mus Held
             * @description Employees with a MUS agreed in the last 12 months. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            mus_held: number | null;
            /**
             * Mus Overdue
             * @description Employees without a MUS agreed within the MUS interval. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            mus_overdue: number | null;
            /**
             * Mus Planned
             * @description Employees with a MUS planned ahead. null when the group behind the figure is under `min_group_size` people (or the figure would let such a group be worked out): shown as 'fewer than 5'.
             */
            mus_planned: number | null;
        };
        /** UnitsCoverageOut */
        UnitsCoverageOut: {
            /** Min Group Size */
            min_group_size: number;
            /** Mus Interval Months */
            mus_interval_months: number;
            organisation: components["schemas"]["UnitFigures"];
            /**
             * Source
             * @description directory: every user of the organisation's directory (Microsoft Graph); known_people: the people the app knows, without their units (the directory was not available).
             * @enum {string}
             */
            source: "directory" | "known_people";
            /** Tenant Id */
            tenant_id: string;
            /** Units */
            units: components["schemas"]["UnitCoverageOut"][];
        };
        /**
         * Verdict
         * @enum {string}
         */
        Verdict: "ok" | "weak" | "missing";
        /**
         * VersionState
         * @enum {string}
         */
        VersionState: "draft" | "changes_requested" | "agreed" | "superseded";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    goals_delete_action: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_update_action: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_list_mine: {
        parameters: {
            query?: {
                cursor?: string | null;
                kind?: components["schemas"]["ConversationKind"] | null;
                limit?: number;
                meeting_id?: string | null;
                role?: string | null;
                status?: components["schemas"]["Status"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationList"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_show: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_list_actions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_create_action: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_add_item: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgendaItemCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaItemOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_update_notes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgendaItemPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaItemOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_get_notes: {
        parameters: {
            query?: {
                state_vector?: string | null;
            };
            header?: never;
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotesOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_post_note_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteUpdateIn"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteUpdateAck"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_add_talking_point: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TalkingPointCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaItemOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_remove_talking_point: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                item_id: number;
                point_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_agreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_draft: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementVersionOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_agreement_pdf_view: {
        parameters: {
            query?: {
                lang?: ("da" | "en") | null;
                tz?: string | null;
            };
            header?: never;
            path: {
                conversation_id: number;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementVersionOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_summaries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_edit_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SummaryEdit"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_show: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_save_mine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_mark_done: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DoneIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_consent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_set_consent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_put_action_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDraftIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftAck"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_delete_action_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_put_goal_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoalDraftIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftAck"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_delete_goal_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_list_feedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_add_feedback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_delete_feedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                feedback_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_follow_ups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_add_follow_up: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_follow_ups_calendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_delete_follow_up: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                follow_up_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    agreements_edit_follow_up: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                follow_up_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpEdit"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_list_goals: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                set_here?: boolean;
            };
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalList"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_create_goal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoalCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_live_stream: {
        parameters: {
            query?: {
                after?: number | null;
            };
            header?: {
                /** @description Resume after this event seq (the `id` of the last event received). */
                "Last-Event-ID"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data?: string;
                        event?: string;
                        id?: string;
                        retry?: number;
                    };
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_get_position: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_put_position: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PositionIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preparation_list_mine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreparationList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preparation_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreparationCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreparationOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preparation_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preparation_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreparationPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreparationOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preparation_promote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
                item_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromoteIn"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromoteOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_get_presence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PresenceList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_put_presence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PresenceIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PresenceList"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    live_delete_presence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_list_pulses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_add_pulse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PulseCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    conversations_plan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationPlan"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlannedConversationOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    admin_show_coverage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    organisation_show_unit_coverage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitsCoverageOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_show_goal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_delete_goal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_update_goal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoalPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_adjust: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustmentIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdjustmentResultOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_goal_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalHistory"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_add_progress: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_mark_success: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path: {
                goal_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuccessIn"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    goals_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmartFields"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmartCheckOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_rights_list_handovers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_rights_create_handover: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoverCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_rights_decide_handover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handover_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoverDecision"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_rights_handover_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handover_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    admin_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_data_audit: {
        parameters: {
            query?: {
                before?: number | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_my_checkins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_rights_erasure_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasurePreview"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_rights_erase_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureConfirm"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureDone"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_data_export_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExport"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_data_export_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reminders_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentReminderList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkins_my_successes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    organisation_show_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgSettingsOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    organisation_change_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgSettingsIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgSettingsOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    people_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                object_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    people_search: {
        parameters: {
            query: {
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateList"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    people_suggestions: {
        parameters: {
            query?: {
                meeting_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateList"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preparation_prompts: {
        parameters: {
            query: {
                kind?: "mus" | "checkin";
                role: "employee" | "manager";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptList"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    team_get_team: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    team_get_cadence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                employee_object_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CadenceOut"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    team_put_cadence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                employee_object_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CadenceIn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CadenceOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    admin_list_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    admin_create_template: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the first response. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    organisation_change_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    organisation_retire_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateRetire"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            /** @description Malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or invalid sign-in token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or in another organisation) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflict: stale version or invalid state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests: wait the seconds in Retry-After (rate limits per person and tenant) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    health_healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    health_readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description A service the request needs (database, Microsoft 365) is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
