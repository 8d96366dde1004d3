using System.Globalization;

namespace PortalApp.Tests.Infrastructure;

/// <summary>The app on a real Kestrel port with a real SMTP server on loopback, for browser tests.</summary>
public sealed class PortalServer : IAsyncDisposable
{
    private PortalServer(PortalAppFactory factory, TestSmtpServer smtp, string baseUrl)
    {
        Factory = factory;
        Smtp = smtp;
        BaseUrl = baseUrl;
    }

    public PortalAppFactory Factory { get; }

    public TestSmtpServer Smtp { get; }

    /// <summary>Base address with a trailing slash, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public string BaseUrl { get; }

    public static PortalServer Start(Action<Dictionary<string, string?>>? configure = null)
    {
        var smtp = new TestSmtpServer();
        smtp.Start();
        var port = TestSmtpServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
        var factory = new PortalAppFactory().WithSmtp(smtp);
        factory.Settings["Portal:PublicBaseUrl"] = baseUrl;
        configure?.Invoke(factory.Settings);
        factory.UseKestrel(port);
        factory.StartServer();
        return new PortalServer(factory, smtp, baseUrl);
    }

    public string Url(string relative) => BaseUrl + relative.TrimStart('/');

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
