package dev.handoff.help.boundary;

/** The demo help center: slug, title, topic, body. */
final class DemoArticles {

    private DemoArticles() {}

    static final String[][] ARTICLES = {
        {"duplicate-charges", "Why do I see two charges?", "billing",
            "If you see the same amount twice, one of them is usually a pending authorisation that your bank releases within 3-5 business days. "
                    + "Check your card statement after a few days: only one charge should remain. If both charges are still there after five days, "
                    + "our billing team refunds the duplicate - have the transaction ids ready."},
        {"refunds", "How refunds work", "billing",
            "Refunds go back to the card or account you paid with. They take 5-10 business days to appear, depending on your bank. "
                    + "You get a confirmation e-mail as soon as the refund is issued. Annual plans are refunded pro rata for the unused months."},
        {"payment-method", "Change your payment method", "billing",
            "Go to Settings > Billing > Payment method and choose Replace card. The new card is used from the next invoice. "
                    + "We accept Visa, Mastercard, American Express and SEPA direct debit."},
        {"invoices", "Download your invoices", "billing",
            "All invoices are under Settings > Billing > Invoices. Choose an invoice and press Download PDF. "
                    + "To add a VAT number or a billing address to future invoices, edit Billing details on the same page."},
        {"export-fails", "Exports fail or time out", "technical",
            "Exports larger than 50 MB run in the background: switch on Async export under Settings > Data and you get an e-mail with the download link. "
                    + "If an export still fails, note the error code shown and try again with a smaller date range."},
        {"mobile-sync", "Fix sync problems in the mobile app", "technical",
            "Pull down on the home screen to force a sync. If changes still do not appear, sign out and back in, and make sure the app is up to date. "
                    + "Sync needs a connection; changes made offline are sent when you are back online."},
        {"reset-password", "Reset your password", "security",
            "On the sign-in page choose Forgot password and enter your e-mail address. You get a link that works for 30 minutes. "
                    + "If the e-mail does not arrive, check your spam folder or ask your workspace admin to send a new invitation."},
        {"two-factor", "Turn on two-factor authentication", "security",
            "Go to Settings > Security and choose Enable two-factor authentication. Scan the QR code with an authenticator app and enter the code it shows. "
                    + "Keep the recovery codes somewhere safe: they are the only way in if you lose your phone."},
        {"invite-colleague", "Invite a colleague to your team", "general",
            "Go to Settings > Team and choose Invite. Enter your colleague's e-mail address and pick a role. "
                    + "Invitations to addresses outside your verified domains need an admin's approval."},
        {"change-plan", "Change or cancel your plan", "general",
            "Go to Settings > Billing > Plan to upgrade, downgrade or cancel. Upgrades apply at once; downgrades and cancellations at the end of the billing period. "
                    + "Your data stays available for 30 days after a cancellation."},
    };
}
