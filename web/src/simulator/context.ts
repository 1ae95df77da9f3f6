/** The flat context a Teams host sends in reply to getContext; teams-js maps it to app.Context. */
import type { Participant, SimulatorBoot } from "./boot";

export interface FrameState {
  participant: Participant;
  frameContext: string;
  entityId: string;
  inMeeting: boolean;
}

const appSessionId = crypto.randomUUID();

export function flatContext(boot: SimulatorBoot, frame: FrameState, theme: string, locale: string) {
  return {
    appSessionId,
    chatId: frame.inMeeting ? boot.meeting.chatId : undefined,
    entityId: frame.entityId,
    frameContext: frame.frameContext,
    hostClientType: "web",
    hostName: "Teams",
    isFullScreen: false,
    locale,
    loginHint: frame.participant.email,
    meetingId: frame.inMeeting ? boot.meeting.id : undefined,
    ringId: "general",
    sessionId: appSessionId,
    theme,
    tid: boot.tenantId,
    userObjectId: frame.participant.objectId,
    userPrincipalName: frame.participant.email,
  };
}
