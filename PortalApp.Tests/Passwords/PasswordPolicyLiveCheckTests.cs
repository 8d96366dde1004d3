using PortalApp.Features.Passwords;

namespace PortalApp.Tests.Passwords;

public sealed class PasswordPolicyLiveCheckTests
{
    [Fact]
    public void Update_NewInput_CheapRulesChangeBeforeAnyEstimate()
    {
        using var check = new LivePasswordCheck(PasswordPolicies.Default);

        check.Update("Ab1!", PasswordContext.None);

        var evaluation = check.Evaluation;
        Assert.True(evaluation[PasswordRuleIds.Uppercase].IsSatisfied);
        Assert.True(evaluation[PasswordRuleIds.Digit].IsSatisfied);
        Assert.True(evaluation[PasswordRuleIds.Special].IsSatisfied);
        Assert.False(evaluation[PasswordRuleIds.MinLength].IsSatisfied);
    }

    [Fact]
    public async Task Update_RapidKeystrokes_EndsWithTheEstimateOfTheLatestInput()
    {
        using var check = new LivePasswordCheck(PasswordPolicies.Default);
        var typed = "Sunset!Marble#Lantern2049-Quartz";

        for (var i = 1; i <= typed.Length; i++)
        {
            check.Update(typed[..i], PasswordContext.None);
        }

        await check.Estimation;
        await check.Estimation;

        Assert.False(check.IsEstimating);
        Assert.Equal(4, check.Evaluation.Strength?.Score);
        Assert.True(check.Evaluation.IsAcceptable);
    }

    [Fact]
    public async Task Update_WeakAfterStrong_NotCommonFollowsTheLatestEstimate()
    {
        using var check = new LivePasswordCheck(PasswordPolicies.Default);
        check.Update("Sunset!Marble#Lantern2049-Quartz", PasswordContext.None);
        await check.Estimation;
        Assert.True(check.Evaluation[PasswordRuleIds.NotCommon].IsSatisfied);

        check.Update("Qwerty!Qwerty1", PasswordContext.None);
        await check.Estimation;

        Assert.Equal(0, check.Evaluation.Strength?.Score);
        Assert.False(check.Evaluation[PasswordRuleIds.NotCommon].IsSatisfied);
    }

    [Fact]
    public void Update_Cleared_DropsTheStrength()
    {
        using var check = new LivePasswordCheck(PasswordPolicies.Default);
        check.Update("Blue-Harbor-7781", PasswordContext.None);

        check.Update("", PasswordContext.None);

        Assert.Null(check.Evaluation.Strength);
        Assert.Equal(0, check.Evaluation.SatisfiedCount);
    }
}
