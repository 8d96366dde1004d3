using PortalApp.Data;

namespace PortalApp.Features.PasswordReset;

/// <summary>What a link is worth right now, with the request and account it belongs to when it matched one (read, not tracked).</summary>
public sealed record ResetLinkCheck(ResetLinkState State, ResetRequest? Request, PortalUser? User);
