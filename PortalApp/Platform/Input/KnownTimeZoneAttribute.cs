using System.ComponentModel.DataAnnotations;

namespace PortalApp.Platform.Input;

[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownTimeZoneAttribute : ValidationAttribute
{
    public KnownTimeZoneAttribute()
        : base("Choose a time zone from the list.")
    {
    }

    public override bool IsValid(object? value) => value is not string id || PortalTimeZones.IsKnown(id);
}
