using PortalApp.Features.Passwords;

namespace PortalApp.Tests.Passwords;

public sealed class PasswordPolicyCommonListTests
{
    [Fact]
    public void LoadEmbedded_ShippedList_HasAtLeast100000Passwords()
    {
        var list = CommonPasswordList.LoadEmbedded();
        Assert.True(list.SourceCount >= 100_000, $"only {list.SourceCount}");
        Assert.InRange(list.Count, 10_000, list.SourceCount);
    }

    [Theory]
    [InlineData("password", "password")]
    [InlineData("Password123!", "password")]
    [InlineData("P@ssw0rd1", "password")]
    [InlineData("123Dragon!!", "dragon")]
    [InlineData("M0nk3y", "monkey")]
    [InlineData("L0VE", "iove")]
    [InlineData("123456", "")]
    public void CommonKey_Variants_FoldToOneSpelling(string password, string expected)
        => Assert.Equal(expected, PasswordText.CommonKey(password));

    [Fact]
    public void Matches_ListedPasswordsAndDecoratedVariants_AreFound()
    {
        var list = CommonPasswordList.Load("letmein\r\nsunshine\n\n123456\n");
        Assert.Equal((3, 2), (list.SourceCount, list.Count));
        Assert.True(list.Matches("letmein"));
        Assert.True(list.Matches("L3tM31n!"));
        Assert.True(list.Matches("2024$un$hine!!"));
        Assert.False(list.Matches("letmeinplease"));
        Assert.False(list.Matches("Blue-Harbor-7781"));
    }
}
