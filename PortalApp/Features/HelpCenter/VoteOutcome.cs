namespace PortalApp.Features.HelpCenter;

public enum VoteOutcome
{
    Recorded,
    AlreadyVoted,
    NotFound,

    /// <summary>Neither signed in nor a visitor cookie: there is no way to keep it to one vote.</summary>
    VoterUnknown,
}
