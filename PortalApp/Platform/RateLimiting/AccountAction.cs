using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PortalApp.Platform.RateLimiting;

/// <summary>The account actions an attacker would repeat: each gets its own budget per client IP address.</summary>
public enum AccountAction
{
    SignIn,
    Register,
    ForgotPassword,
    ResetPassword,
    ResendConfirmation,
}
