using PortalApp.Features.Account;
using PortalApp.Features.Email;
using PortalApp.Platform.Input;

namespace PortalApp.Tests.Email;

public sealed class EmailHeaderTextTests
{
    [Theory]
    [InlineData("Eve\r\nBcc: victim@example.com", "Eve Bcc: victim@example.com")]
    [InlineData("Eve\nBcc: x", "Eve Bcc: x")]
    [InlineData("Eve\rX", "Eve X")]
    [InlineData("A\u0000B\u0085C\u2028D", "A B C D")]
    [InlineData("  Ana \t  Lima  ", "Ana Lima")]
    public void Clean_ControlCharactersAndLineBreaks_BecomeSingleSpaces(string input, string expected)
        => Assert.Equal(expected, EmailHeaderText.Clean(input, 200));

    [Fact]
    public void Clean_LongerThanMax_TruncatedWithoutSplittingSurrogatePairs()
    {
        var cleaned = EmailHeaderText.Clean(new string('a', 9) + "😀😀", 10);

        Assert.Equal(new string('a', 9), cleaned);
        Assert.Equal(100, EmailHeaderText.Clean(new string('x', 10_000), 100).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\r\n")]
    public void Clean_NothingPrintable_ReturnsEmpty(string? input)
        => Assert.Equal("", EmailHeaderText.Clean(input, 200));
}

public sealed class NoControlCharactersAttributeTests
{
    [Theory]
    [InlineData("Ana\r\nBcc: x")]
    [InlineData("Ana\tLima")]
    [InlineData("Ana\u2028Lima")]
    [InlineData("Ana\u200bLima")]
    public void IsValid_ControlOrFormatCharacters_Invalid(string value)
        => Assert.False(new NoControlCharactersAttribute().IsValid(value));

    [Theory]
    [InlineData("Ana Lima")]
    [InlineData("José Ñúñez-O'Brien")]
    [InlineData("李小龍")]
    [InlineData(null)]
    public void IsValid_OrdinaryNames_Valid(string? value)
        => Assert.True(new NoControlCharactersAttribute().IsValid(value));

    [Fact]
    public void FormatErrorMessage_NamesTheField()
        => Assert.Equal("Full name can't contain line breaks or control characters.", new NoControlCharactersAttribute().FormatErrorMessage("Full name"));
}
