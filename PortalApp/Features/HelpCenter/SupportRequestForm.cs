using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using PortalApp.Data;
using PortalApp.Platform.Input;

namespace PortalApp.Features.HelpCenter;

/// <summary>The contact form; validated by the page and again by <see cref="SupportRequests"/> before anything is stored.</summary>
public sealed class SupportRequestForm
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(PortalLimits.FullNameMaxLength, ErrorMessage = "Name can be at most {1} characters.")]
    [NoControlCharacters]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address so we can reply.")]
    [DeliverableEmail]
    [StringLength(PortalLimits.EmailMaxLength, ErrorMessage = "Email can be at most {1} characters.")]
    [NoControlCharacters]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(HelpCenterLimits.SupportSubjectMaxLength, MinimumLength = 3, ErrorMessage = "Subject must be between {2} and {1} characters.")]
    [NoControlCharacters]
    public string Subject { get; set; } = "";

    public HelpCategory Category { get; set; } = HelpCategory.AccountSecurity;

    [Required(ErrorMessage = "Tell us how we can help.")]
    [StringLength(HelpCenterLimits.SupportMessageMaxLength, MinimumLength = 10, ErrorMessage = "Message must be between {2} and {1} characters.")]
    [MultilineText]
    public string Message { get; set; } = "";

    public SupportRequestInput ToInput() => new(Name, Email, Subject, Category, Message);

    public IReadOnlyList<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        if (!Enum.IsDefined(Category))
        {
            results.Add(new ValidationResult("Choose a category."));
        }

        return results.Select(r => r.ErrorMessage ?? "Invalid value.").ToList();
    }
}
