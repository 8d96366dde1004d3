using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Features.Email;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.HelpCenter;
using PortalApp.Platform.Hosting;
using PortalApp.Platform.Security;
using PortalApp.Platform.RateLimiting;
using PortalApp.Features.Staff;

var builder = WebApplication.CreateBuilder(args);

builder.AddRepositoryDevelopmentSettings();
builder.AddPortalCore();
builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalSecurity();
builder.AddPortalEmail();
builder.AddPortalPasswordReset();
builder.AddPortalHelpCenter();
builder.AddPortalStaff();

var app = builder.Build();

if (StaffAccountCommand.Matches(args))
{
    return await StaffAccountCommand.RunAsync(app, args);
}

if (SeedActivityCommand.Matches(args))
{
    return await SeedActivityCommand.RunAsync(app, args);
}

await app.InitializePortalDatabaseAsync();
app.UsePortalPipeline();
app.MapPortalAccountEndpoints();
app.MapPortalStaffEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
