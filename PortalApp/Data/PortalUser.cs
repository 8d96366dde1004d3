using Microsoft.AspNetCore.Identity;

namespace PortalApp.Data;

public sealed class PortalUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
