using PortalApp.Features.Passwords;

namespace PortalApp.Tests.Passwords;

public sealed class PasswordPolicyRuleTests
{
    private static readonly PasswordContext Alex = new("Alex Morgan", "alex.morgan@example.com");

    private static bool Satisfied(string password, string ruleId, PasswordContext? context = null)
        => PasswordPolicies.Default.Evaluate(password, context ?? PasswordContext.None)[ruleId].IsSatisfied;

    [Fact]
    public void Evaluate_AnyPassword_ReturnsEveryRuleWithTheIssuesWordingInOrder()
    {
        var rules = PasswordPolicies.Default.Evaluate("x", PasswordContext.None).Rules;

        Assert.Equal(
            [
                ("min-length", "At least 8 characters"),
                ("uppercase", "At least 1 uppercase letter"),
                ("digit", "At least 1 number"),
                ("special", "At least 1 special character"),
                ("not-common", "Not an easily guessable password (like \"password123\")"),
                ("not-personal", "Doesn't contain your name or email"),
            ],
            rules.Select(r => (r.Id, r.Description)));
    }

    [Fact]
    public void Evaluate_EmptyPassword_NoRuleSatisfied()
    {
        var evaluation = PasswordPolicies.Default.Evaluate("", Alex);
        Assert.All(evaluation.Rules, r => Assert.False(r.IsSatisfied, r.Id));
        Assert.Equal(0, evaluation.SatisfiedCount);
    }

    [Fact]
    public void Evaluate_StrongPassword_EveryRuleSatisfied()
    {
        var evaluation = PasswordPolicies.Default.Evaluate("Blue-Harbor-7781", Alex);
        Assert.True(evaluation.IsAcceptable, string.Join(", ", evaluation.Rules.Where(r => !r.IsSatisfied).Select(r => r.Id)));
        Assert.Equal(6, evaluation.SatisfiedCount);
    }

    [Theory]
    [InlineData("Bh7-kq2", false)]
    [InlineData("Bh7-kq2x", true)]
    public void MinLength_SevenAndEightCharacters_FailsThenPasses(string password, bool expected)
        => Assert.Equal(expected, Satisfied(password, PasswordRuleIds.MinLength));

    [Fact]
    public void MinLength_Configured_CountsAndWordsTheConfiguredLength()
    {
        var policy = PasswordPolicies.Create(o => o.MinLength = 12);
        var evaluation = policy.EvaluateRules("Bh7-kq2xPw9", PasswordContext.None);
        Assert.Equal("At least 12 characters", evaluation[PasswordRuleIds.MinLength].Description);
        Assert.False(evaluation[PasswordRuleIds.MinLength].IsSatisfied);
        Assert.True(policy.EvaluateRules("Bh7-kq2xPw9!", PasswordContext.None)[PasswordRuleIds.MinLength].IsSatisfied);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void MinLength_Emoji_CountEachAsOneCharacter(int emojiCount, bool expected)
    {
        // 👍 is two UTF-16 code units; a family (👨‍👩‍👧, five runes joined) is one character to the customer.
        var password = string.Concat(Enumerable.Repeat("👍", emojiCount - 1)) + "👨‍👩‍👧";
        Assert.True(password.Length > 8);
        Assert.Equal(expected, Satisfied(password, PasswordRuleIds.MinLength));
    }

    [Fact]
    public void MinLength_CombiningMarks_CountWithTheirLetter()
    {
        var sevenAccented = string.Concat(Enumerable.Repeat("e\u0301", 7));
        Assert.Equal(14, sevenAccented.Length);
        Assert.False(Satisfied(sevenAccented, PasswordRuleIds.MinLength));
        Assert.True(Satisfied(sevenAccented + "x", PasswordRuleIds.MinLength));
    }

    [Theory]
    [InlineData(128, false)]
    [InlineData(129, true)]
    public void MaxLength_128And129Characters_OnlyTheLongerIsTooLong(int length, bool tooLong)
    {
        var password = ("Blue-Harbor-7781" + new string('q', 200))[..length];
        var evaluation = PasswordPolicies.Default.Evaluate(password, PasswordContext.None);
        Assert.Equal(length, evaluation.Length);
        Assert.Equal(tooLong, evaluation.IsTooLong);
        Assert.Equal(!tooLong, evaluation.IsAcceptable);
    }

    [Theory]
    [InlineData("blue-harbor-7781", false)]
    [InlineData("Blue-harbor-7781", true)]
    [InlineData("émile-harbor-7781", false)]
    [InlineData("Émile-harbor-7781", true)]
    [InlineData("ωμέγα-λιμάνι-7781", false)]
    [InlineData("Ωμέγα-λιμάνι-7781", true)]
    [InlineData("Жёлтый-порт-7781", true)]
    public void Uppercase_AnyScript_CountsUnicodeUppercaseLetters(string password, bool expected)
        => Assert.Equal(expected, Satisfied(password, PasswordRuleIds.Uppercase));

    [Theory]
    [InlineData("Blue-Harbor-seven", false)]
    [InlineData("Blue-Harbor-7", true)]
    [InlineData("Blue-Harbor-٧", true)]
    public void Digit_DecimalDigitInAnyScript_Satisfies(string password, bool expected)
        => Assert.Equal(expected, Satisfied(password, PasswordRuleIds.Digit));

    [Theory]
    [InlineData("BlueHarbor7781", false)]
    [InlineData("Blue Harbor 7781", true)]
    [InlineData("Blue-Harbor7781", true)]
    [InlineData("BlueHarbor7781👍", true)]
    [InlineData("BlueHarbor7781\u00e9", false)]
    [InlineData("BlueHarbor7781e\u0301", false)]
    public void Special_AnythingNotALetterOrDigit_SatisfiesButAccentsDoNot(string password, bool expected)
        => Assert.Equal(expected, Satisfied(password, PasswordRuleIds.Special));

    [Theory]
    [InlineData("password123")]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd1")]
    [InlineData("qwertyuiop")]
    [InlineData("aaaaaaaaA1!")]
    public void NotCommon_IssueExamples_Fail(string password)
        => Assert.False(Satisfied(password, PasswordRuleIds.NotCommon));

    [Theory]
    [InlineData("password123")]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd1")]
    [InlineData("qwertyuiop")]
    [InlineData("aaaaaaaaA1!")]
    [InlineData("$ummer2020!")]
    [InlineData("!!Dr@g0n!!")]
    public void NotCommon_ListAloneAfterNormalising_CatchesVariants(string password)
    {
        // Without a zxcvbn estimate the rule reflects only the shipped list and its normalisation.
        var evaluation = PasswordPolicies.Default.EvaluateRules(password, PasswordContext.None);
        Assert.False(evaluation[PasswordRuleIds.NotCommon].IsSatisfied);
    }

    [Theory]
    [InlineData("Qwerty!Qwerty1")]
    [InlineData("Dragon!Monkey1")]
    [InlineData("Jennifer!Smith1")]
    public void NotCommon_NotListedButZxcvbnScoresLow_Fails(string password)
    {
        Assert.True(PasswordPolicies.Default.EvaluateRules(password, PasswordContext.None)[PasswordRuleIds.NotCommon].IsSatisfied);
        Assert.False(Satisfied(password, PasswordRuleIds.NotCommon));
    }

    [Fact]
    public void NotCommon_MinGuessabilityScoreRaised_RefusesAFairPassword()
    {
        const string password = "Summer2024!Summer";
        Assert.True(Satisfied(password, PasswordRuleIds.NotCommon));
        var strict = PasswordPolicies.Create(o => o.MinGuessabilityScore = 4);
        Assert.False(strict.Evaluate(password, PasswordContext.None)[PasswordRuleIds.NotCommon].IsSatisfied);
    }

    [Theory]
    [InlineData("Blue-Harbor-7781")]
    [InlineData("Sunset!Marble#Lantern2049-Quartz")]
    [InlineData("Ωμέγα-λιμάνι-7781")]
    public void NotCommon_UncommonPassword_Passes(string password)
        => Assert.True(Satisfied(password, PasswordRuleIds.NotCommon));

    [Theory]
    [InlineData("Morgan-Harbor-7781")]
    [InlineData("harborALEX-7781")]
    [InlineData("M0rg@n-Harbor-7781")]
    [InlineData("@l3x-Harbor-7781")]
    public void NotPersonal_ContainsAPartOfTheName_Fails(string password)
        => Assert.False(Satisfied(password, PasswordRuleIds.NotPersonal, Alex));

    [Theory]
    [InlineData("Blue-Rivera-7781")]
    [InlineData("Blue-Sammy-7781")]
    [InlineData("Blue-R1v3ra-7781")]
    public void NotPersonal_ContainsAPartOfTheEmailLocalPart_Fails(string password)
        => Assert.False(Satisfied(password, PasswordRuleIds.NotPersonal, new PasswordContext(null, "sammy.rivera+portal@example.com")));

    [Fact]
    public void NotPersonal_EmailDomain_IsNotPersonal()
        => Assert.True(Satisfied("Example-Harbor-7781", PasswordRuleIds.NotPersonal, new PasswordContext(null, "sammy@example.com")));

    [Fact]
    public void NotPersonal_PartsShorterThanThree_AreIgnored()
        => Assert.True(Satisfied("Blue-Al-Li-7781", PasswordRuleIds.NotPersonal, new PasswordContext("Al Li", "al@example.com")));

    [Fact]
    public void NotPersonal_NoContext_Satisfied()
        => Assert.True(Satisfied("Morgan-Harbor-7781", PasswordRuleIds.NotPersonal));

    [Fact]
    public void Strength_WeakPassword_LowScoreWithZxcvbnFeedback()
    {
        var strength = PasswordPolicies.Default.EstimateStrength("qwertyuiop", PasswordContext.None);
        Assert.Equal(0, strength.Score);
        Assert.Equal("Very weak", strength.Label);
        Assert.NotNull(strength.Warning);
        Assert.Contains("Add another word or two. Uncommon words are better.", strength.Suggestions);
    }

    [Fact]
    public void Strength_StrongPassword_VeryStrongWithoutWarning()
    {
        var strength = PasswordPolicies.Default.EstimateStrength("Sunset!Marble#Lantern2049-Quartz", PasswordContext.None);
        Assert.Equal(4, strength.Score);
        Assert.Equal("Very strong", strength.Label);
        Assert.Null(strength.Warning);
    }

    [Fact]
    public void Strength_SharedAcrossThreads_SameScoresAsSequential()
    {
        string[] passwords = ["password123", "Blue-Harbor-7781", "Qwerty!Qwerty1", "Summer2024!Summer", "P@ssw0rd1", "Sunset!Marble#Lantern2049-Quartz", "aaaaaaaaA1!", "Dragon!Monkey1"];
        var policy = PasswordPolicies.Default;
        var expected = passwords.Select(p => policy.EstimateStrength(p, PasswordContext.None).Score).ToArray();

        var parallel = new int[passwords.Length * 8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = policy.EstimateStrength(passwords[i % passwords.Length], PasswordContext.None).Score);

        Assert.Equal(Enumerable.Range(0, parallel.Length).Select(i => expected[i % passwords.Length]), parallel);
    }

    [Fact]
    public void Strength_AdversarialMaximumLengthInput_ScoresWithoutTruncatingTheRules()
    {
        var password = string.Concat(Enumerable.Repeat("p@$$w0rd1|7!", 11))[..128];
        var evaluation = PasswordPolicies.Default.Evaluate(password, PasswordContext.None);
        Assert.Equal(128, evaluation.Length);
        Assert.False(evaluation.IsTooLong);
        Assert.NotNull(evaluation.Strength);
        Assert.False(evaluation[PasswordRuleIds.NotCommon].IsSatisfied);
    }
}
