using System.ComponentModel.DataAnnotations;
using PortalApp.Data;
using PortalApp.Platform.Input;

namespace PortalApp.Features.Account;

/// <summary>The profile form's fields, shared by the form component and <see cref="AccountProfileService"/>.</summary>
public sealed class ProfileInput
{
    [Required(ErrorMessage = "Enter your full name.")]
    [StringLength(PortalLimits.FullNameMaxLength, ErrorMessage = "Full name can be at most {1} characters.")]
    [NoControlCharacters]
    [Display(Name = "Full name")]
    public string FullName { get; set; } = "";

    [StringLength(PortalLimits.PhoneNumberMaxLength, ErrorMessage = "Phone number can be at most {1} characters.")]
    [NoControlCharacters]
    [InternationalPhoneNumber]
    [Display(Name = "Phone number")]
    public string? PhoneNumber { get; set; }

    [Required(ErrorMessage = "Choose a time zone.")]
    [StringLength(PortalLimits.TimeZoneIdMaxLength)]
    [KnownTimeZone]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = PortalLimits.DefaultTimeZoneId;

    [Required(ErrorMessage = "Choose a language.")]
    [SupportedLanguage]
    public string Language { get; set; } = PortalLimits.DefaultLanguage;

    public bool SecurityNotificationsByEmail { get; set; } = true;

    public bool ProductNewsByEmail { get; set; }
}
