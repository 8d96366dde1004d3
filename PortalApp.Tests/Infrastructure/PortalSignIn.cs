using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PortalApp.Features.Account;
using PortalApp.Platform.Hosting;

namespace PortalApp.Tests.Infrastructure;

/// <summary>Signs in through the static login form (antiforgery token + cookies), as a browser would.</summary>
public static class PortalSignIn
{
    public static HttpClient AnonymousClient(PortalAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form; the response is the app's answer (a redirect, or the page with its messages).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string email, string password)
        => StaticForm.SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>The auth cookie's value from a sign-in answer's Set-Cookie header.</summary>
    public static string AuthCookie(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        return header["portal.auth=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>GETs <paramref name="path"/> carrying only <paramref name="authCookie"/>, as a browser holding that cookie would.</summary>
    public static async Task<HttpResponseMessage> GetWithAuthCookieAsync(PortalAppFactory factory, string path, string authCookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"portal.auth={authCookie}");
        return await client.SendAsync(request);
    }

    public static async Task<HttpClient> SignedInClientAsync(PortalAppFactory factory, string email, string password = DemoDataSeeder.DemoPassword)
    {
        var client = AnonymousClient(factory);
        var response = await SubmitAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }
}
