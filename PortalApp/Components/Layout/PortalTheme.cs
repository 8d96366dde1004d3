using MudBlazor;

namespace PortalApp.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#00897b",
            AppbarBackground = "#3f51b5",
            Background = "#f4f6fb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            // White on this light indigo is about 2.3:1; dark text keeps filled buttons readable (about 9:1).
            PrimaryContrastText = "rgba(0,0,0,0.87)",
            Secondary = "#4db6ac",
            AppbarBackground = "#1e1e2d",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
