using System.Text;
using PortalApp.Features.PasswordReset;
using PortalApp.Features.Staff;

namespace PortalApp.Tests.Staff;

public sealed class DashboardCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")@example.com")]
    [InlineData("+1-555@example.com")]
    [InlineData("-2+3@example.com")]
    [InlineData("@SUM(A1:A9)@example.com")]
    [InlineData("\tcmd@example.com")]
    public async Task Write_CellStartingWithFormulaCharacter_IsEscapedWithApostrophe(string email)
    {
        var csv = await WriteAsync(Row(email, "203.0.113.9"));

        var dataLine = csv.Split("\r\n")[1];
        var emailCell = dataLine.Split(',', 3)[1].Trim('"');
        Assert.StartsWith("'", emailCell);
        Assert.DoesNotContain("," + email[0], dataLine);
    }

    [Fact]
    public async Task Write_OrdinaryRow_HeaderAndPlainValues()
    {
        var csv = await WriteAsync(Row("alex@example.com", "2001:db8::1"));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Time (UTC),Email,Status,IP address,Browser,Time to complete (s),Request id", lines[0]);
        Assert.StartsWith("2026-03-02 09:00:00,alex@example.com,Completed,2001:db8::1,Firefox,240,", lines[1]);
    }

    [Fact]
    public async Task Write_ValueWithCommaAndQuote_IsQuotedPerRfc4180()
    {
        var csv = await WriteAsync(Row("\"odd,address\"@example.com", null));

        Assert.Contains("\"\"\"odd,address\"\"@example.com\"", csv);
    }

    private static RequestLogRow Row(string email, string? ip) => new(
        Guid.NewGuid(), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), email, ResetRequestStatus.Completed, ip, "Firefox", TimeSpan.FromMinutes(4));

    private static async Task<string> WriteAsync(params RequestLogRow[] rows)
    {
        using var output = new MemoryStream();
        await RequestLogCsv.WriteAsync(rows.ToAsyncEnumerable(), output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
