using System.ComponentModel.DataAnnotations;

namespace PortalApp.Platform.Input;

[AttributeUsage(AttributeTargets.Property)]
public sealed class SupportedLanguageAttribute : ValidationAttribute
{
    public SupportedLanguageAttribute()
        : base("Choose a language from the list.")
    {
    }

    public override bool IsValid(object? value) => value is not string tag || PortalLanguages.All.Any(l => l.Tag == tag);
}
