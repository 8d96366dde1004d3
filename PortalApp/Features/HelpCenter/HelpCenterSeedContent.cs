using PortalApp.Platform.Clients;

namespace PortalApp.Features.HelpCenter;

/// <summary>The help center's own articles and video metadata: product content, seeded in every environment.</summary>
internal static class HelpCenterSeedContent
{
    public const string Author = "Customer Portal Support Team";

    public const string BrowserSupportSlug = "which-browsers-and-devices-are-supported-by-the-portal";

    public static readonly IReadOnlyList<(ArticleInput Article, int Order)> Articles =
    [
        (new ArticleInput(
            "Resetting Your Customer Portal Password: Step-by-Step",
            "resetting-your-customer-portal-password",
            HelpCategory.AccountSecurity,
            "password, reset, forgot-password, sign-in, email",
            "Forgot your password? Reset it yourself in five steps with a link we email you. The link works for {reset-link-minutes} minutes.",
            """
            Forgot your password, or want to change it? You can reset it yourself at any time of day, without waiting for support. It takes about two minutes.

            ## Reset your password in five steps

            1. **Open the login screen and click "Forgot Password".** Go to the [sign-in page](/Account/Login) and click **Forgot Password?** under the password field. You can also go straight to the [Forgot Password page](/Account/ForgotPassword).
            2. **Enter the email associated with your account.** Type the email address you use to sign in to the Customer Portal and click **Send reset link**. For your security, we show the same message whether or not the address has an account.
            3. **Check your inbox for our email.** Within a minute or two you'll receive an email titled *Reset your password*. If it isn't in your inbox, check your **spam or junk folder**, and any "Promotions" or "Other" tab.
            4. **Click the link within {reset-link-minutes} minutes and enter a new password.** The link in the email is valid for **{reset-link-minutes} minutes**. It opens the reset page, where you type your new password twice. As you type, a checklist shows which requirements are met and a meter shows how strong the password is.
            5. **Make sure the new password meets the requirements,** then click **Reset password**. You can now [sign in](/Account/Login) with your new password.

            ## Password requirements

            Your new password must:

            - be **at least {password-min-length} characters** long,
            - contain **at least 1 uppercase letter**,
            - contain **at least 1 number**,
            - contain **at least 1 special character** (for example `!`, `#` or `%`),
            - **not be easily guessable**, like "password123" or "qwerty2024",
            - **not contain your name or your email address**.

            Longer is stronger: a short sentence of four or five unrelated words with a number and a symbol is easy to remember and hard to guess.

            ## What if the link has expired?

            Reset links expire **{reset-link-minutes} minutes** after we send them, and a link stops working once it has been used. If the link says it has expired, simply [request a new one](/Account/ForgotPassword) — only the newest link is needed.

            Resetting your password signs you out everywhere else, so anyone who knew your old password loses access at once.

            ## Still having trouble?

            - Didn't get the email after 10 minutes? Check the address you typed and your spam folder, then [request another link](/Account/ForgotPassword).
            - No longer have access to that email account? We can't send a reset link to a different address — please [contact support](/support/contact) and we'll help you verify your identity.
            - For extra protection after a reset, [turn on multi-factor authentication](/help/articles/step-by-step-guide-to-enabling-multi-factor-authentication-mfa).

            Need more help? [Contact support](/support/contact) — we're happy to help.
            """,
            Author), 1),

        (new ArticleInput(
            "Getting Started: Learn to Use the Customer Portal in Minutes",
            "getting-started-learn-to-use-the-customer-portal-in-minutes",
            HelpCategory.GettingStarted,
            "getting-started, account, sign-in, registration",
            "Create your account, confirm your email, sign in and find your way around the Customer Portal.",
            """
            The Customer Portal lets you manage your account 24/7: update your details, secure your sign-in and reset a forgotten password yourself, without waiting for a phone line to open.

            ## 1. Create your account

            Go to [Create an account](/Account/Register) and enter your full name, your email address and a password. The page shows live which password requirements are met while you type.

            ## 2. Confirm your email address

            We send you an email titled *Confirm your email address*. Click the button in it to activate your account. You can't sign in until your address is confirmed — if the email doesn't arrive, check your spam folder or [resend the confirmation email](/Account/ResendEmailConfirmation).

            ## 3. Sign in

            Open the [sign-in page](/Account/Login), enter your email and password, and tick **Remember me** if you're on your own device. After several wrong passwords in a row your account is locked for a few minutes to protect it.

            ## 4. Find your way around

            - The **menu** on the left (the ☰ button on a phone) takes you to every part of the portal.
            - [Your account](/Account/Manage) is where you change your name, email, password and sign-in security.
            - The [help center](/help) answers most questions; search it from the box at the top.
            - The moon/sun button in the top bar switches between light and dark mode.

            ## 5. Keep your account secure

            - Use a password you don't use anywhere else.
            - [Turn on multi-factor authentication](/help/articles/step-by-step-guide-to-enabling-multi-factor-authentication-mfa) so a stolen password alone can't open your account.
            - Forgot your password? [Reset it yourself](/help/articles/resetting-your-customer-portal-password) in two minutes.

            Questions? [Contact support](/support/contact) and track your requests under [My support requests](/support).
            """,
            Author), 2),

        (new ArticleInput(
            "Update Your Account Information Quickly and Easily",
            "update-your-account-information-quickly-and-easily",
            HelpCategory.AccountSecurity,
            "account, profile, email, password, personal-data",
            "Change your name, email address or password from the Account page in a few clicks.",
            """
            Keeping your details up to date means our emails reach you and your account stays easy to recover.

            ## Where to find your details

            [Sign in](/Account/Login), then open [Your account](/Account/Manage). The page shows your name and email address.

            ## Change your name

            On [Your account](/Account/Manage), edit **Full name** and click **Save**. The new name appears in the top bar the next time the page loads.

            ## Change your email address

            1. On [Your account](/Account/Manage), open **Email** and enter the new address.
            2. We send a confirmation link to the **new** address. Your sign-in address changes only once you click that link, so a typo can't lock you out.
            3. Until then, keep signing in with your current address.

            ## Change your password

            Open **Password** on [Your account](/Account/Manage), enter your current password and then the new one. The same requirements apply as for a reset: at least {password-min-length} characters, 1 uppercase letter, 1 number and 1 special character, not easily guessable, and not your name or email. Changing your password signs you out on your other devices.

            Don't know your current password? Use [Forgot Password](/Account/ForgotPassword) instead — see [Resetting Your Customer Portal Password](/help/articles/resetting-your-customer-portal-password).

            ## Security settings

            Turn on [two-factor authentication](/Account/Manage/TwoFactorAuthentication) to protect your account with a code from your phone. The [MFA guide](/help/articles/step-by-step-guide-to-enabling-multi-factor-authentication-mfa) walks you through it.

            Something you can't change yourself? [Contact support](/support/contact).
            """,
            Author), 3),

        (new ArticleInput(
            "How to Use the Knowledge Base Effectively for Faster Support",
            "how-to-use-the-knowledge-base-effectively-for-faster-support",
            HelpCategory.GettingStarted,
            "help-center, search, support, knowledge-base",
            "Search tips, categories, helpful votes and when to contact support — get answers in seconds.",
            """
            Most questions are answered in the [help center](/help) faster than any email reply. Here's how to get the most out of it.

            ## Search with a few key words

            Type two or three words that describe your problem in the **How can we help you?** box, for example *forgot password* or *authenticator*, and press Enter.

            - You don't need whole words: *pass* finds *password*.
            - Matching words are **highlighted** in the results, and the best match comes first.
            - Punctuation and symbols are ignored, so just type naturally.

            ## Narrow down with categories and tags

            On the [search page](/help/search) you can filter by category — **Getting Started**, **Account & Security**, **Billing** or **Troubleshooting** — and click a tag under any article to see others on the same topic.

            ## Follow related articles

            Each article ends with **Related articles** on the same subject. The [video tutorials](/help/videos) show some tasks step by step.

            ## Tell us whether it helped

            At the end of every article, answer **Was this article helpful?** with Yes or No. We read these votes to decide which articles to improve first, and the most helpful ones appear on the help center's front page.

            ## When to contact support

            If you didn't find an answer, [contact support](/support/contact). Include:

            - what you were trying to do,
            - what happened instead (the exact message, if there was one),
            - the browser and device you used.

            Signed in? You can follow the status of every request under [My support requests](/support).
            """,
            Author), 4),

        (new ArticleInput(
            "Which Browsers and Devices Are Supported by the Portal?",
            BrowserSupportSlug,
            HelpCategory.Troubleshooting,
            "browsers, devices, javascript, cookies, troubleshooting",
            "The portal works in current versions of Chrome, Edge, Firefox and Safari on computers, tablets and phones. JavaScript and cookies must be on.",
            """
            The Customer Portal runs in your web browser — there's nothing to install.

            ## Supported browsers

            We support the **two most recent versions** of:

            | Browser | Computers | Phones and tablets |
            |---|---|---|
            | Google Chrome | Windows, macOS, Linux | Android, iOS |
            | Microsoft Edge | Windows, macOS | Android, iOS |
            | Mozilla Firefox | Windows, macOS, Linux | Android |
            | Apple Safari | macOS | iPhone, iPad |

            Browsers update themselves automatically; if yours asks to restart, let it.

            ## Not supported

            **Internet Explorer** (any version) is not supported — Microsoft retired it, and it can't run the portal's pages. If you open the portal in Internet Explorer you'll see a warning at the top of the page. Please switch to Microsoft Edge, which is already installed on Windows 10 and 11.

            ## JavaScript and cookies must be enabled

            The portal needs **JavaScript** for its pages to respond and **cookies** to keep you signed in. If either is off you'll see a message asking you to turn them on. Private or incognito windows work, but you'll be signed out when you close them.

            ## Devices

            The portal adapts to any screen from a phone to a large monitor. On small screens the menu folds away behind the ☰ button in the top bar.

            ## Something still looks wrong?

            1. Reload the page.
            2. Make sure your browser is up to date.
            3. Try a private window to rule out browser extensions.
            4. Still stuck? [Contact support](/support/contact) and tell us your browser, its version and your device.
            """,
            Author), 5),

        (new ArticleInput(
            "Step-by-Step Guide to Enabling Multi-Factor Authentication (MFA)",
            "step-by-step-guide-to-enabling-multi-factor-authentication-mfa",
            HelpCategory.AccountSecurity,
            "mfa, two-factor, authenticator, security, sign-in, recovery-codes",
            "Protect your account with a code from an authenticator app such as Google Authenticator or Authy, and keep your recovery codes safe.",
            """
            Multi-factor authentication (MFA, also called two-factor authentication) asks for a one-time code from your phone as well as your password. Even if someone learns your password, they can't sign in without your phone.

            ## What you need

            An **authenticator app** on your phone, for example **Google Authenticator**, **Microsoft Authenticator** or **Authy**. They're free in the App Store and Google Play.

            ## Turn on MFA

            1. [Sign in](/Account/Login) and open [Two-factor authentication](/Account/Manage/TwoFactorAuthentication) from [Your account](/Account/Manage).
            2. Click **Add authenticator app**.
            3. In your authenticator app, add a new account and **scan the QR code** shown on the page. Can't scan? Type the key shown under the code instead.
            4. Enter the **6-digit code** your app shows and click **Verify**.
            5. **Save your recovery codes.** The portal shows ten one-time recovery codes. Print them or store them in a password manager — each one lets you sign in once if you lose your phone.

            From now on, after your password the portal asks for the current code from your app. Tick **Remember this machine** on a device you trust so it asks less often.

            ## Lost your phone?

            On the sign-in code screen choose **Log in with a recovery code** and enter one of your saved codes. Then set up the authenticator again on your new phone and generate fresh recovery codes from [Two-factor authentication](/Account/Manage/TwoFactorAuthentication).

            No phone and no recovery codes? [Contact support](/support/contact); we'll verify your identity before we can help.

            ## Turning MFA off

            You can disable it from [Two-factor authentication](/Account/Manage/TwoFactorAuthentication), but we recommend keeping it on.

            See also: [Resetting Your Customer Portal Password](/help/articles/resetting-your-customer-portal-password).
            """,
            Author), 6),
    ];

    public static readonly IReadOnlyList<VideoTutorial> Videos =
    [
        new()
        {
            Key = "admin-dashboard-1",
            Title = "Admin Panel - How To Started the Dashboard Tutorial",
            Description = "Part 1: open the dashboard, read the headline numbers and pick a date range.",
            Author = Author,
            DurationSeconds = 4 * 60 + 12,
            VideoPath = "videos/admin-dashboard-1.mp4",
            ThumbnailPath = "img/help/video-thumbnail.svg",
            SortOrder = 1,
        },
        new()
        {
            Key = "admin-dashboard-2",
            Title = "Admin Panel - How To Started the Dashboard Tutorial",
            Description = "Part 2: follow password-reset activity and spot unusual spikes.",
            Author = Author,
            DurationSeconds = 5 * 60 + 37,
            VideoPath = "videos/admin-dashboard-2.mp4",
            ThumbnailPath = "img/help/video-thumbnail.svg",
            SortOrder = 2,
        },
        new()
        {
            Key = "admin-dashboard-3",
            Title = "Admin Panel - How To Started the Dashboard Tutorial",
            Description = "Part 3: export the activity list and share it with your team.",
            Author = Author,
            DurationSeconds = 3 * 60 + 48,
            VideoPath = "videos/admin-dashboard-3.mp4",
            ThumbnailPath = "img/help/video-thumbnail.svg",
            SortOrder = 3,
        },
    ];
}
