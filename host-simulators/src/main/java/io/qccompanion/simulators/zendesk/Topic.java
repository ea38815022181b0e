package io.qccompanion.simulators.zendesk;

import java.util.List;

/**
 * What a simulated ticket is about, with the phrases its conversation is built from. Written to
 * read like real support traffic, so demo QC reviewers have something to grade.
 */
enum Topic {
  BILLING(
      "billing",
      0,
      420,
      List.of(
          "Charged twice for my March invoice",
          "Invoice shows the wrong VAT number",
          "Can I switch from monthly to annual billing?",
          "Card declined but the payment went through",
          "Need a copy of last year's invoices"),
      List.of(
          "Hi, I just noticed two identical charges on my card statement for this month's"
              + " subscription. Could you check what happened and refund the duplicate?",
          "Hello, our invoice still lists our old VAT number. Our finance team can't book it"
              + " like this. Can you reissue it with the correct one?",
          "We'd like to move to yearly billing to get the discount. What happens to the days"
              + " left on the current month?",
          "My card was declined at checkout, yet my bank shows the money as taken. Am I"
              + " subscribed or not?",
          "Our auditors need every invoice from last year as PDFs. Is there a way to download"
              + " them all at once?"),
      List.of(
          "Thanks for flagging this. I can see the duplicate charge and have refunded it; it"
              + " takes 5-7 business days to show on your statement.",
          "I've updated the VAT number on your account and reissued the invoice; you'll find"
              + " the corrected PDF under Billing > Invoices.",
          "You can switch any time under Billing > Plan. The unused days are credited"
              + " automatically against the annual price.",
          "The first attempt was declined and the retry succeeded, so your subscription is"
              + " active. The pending amount from the declined try will drop off within days.",
          "Under Billing > Invoices there's an 'Export all' button that builds a ZIP of every"
              + " invoice for the year you pick.")),
  LOGIN(
      "login",
      2,
      360,
      List.of(
          "Can't log in after password reset",
          "Two-factor codes not arriving",
          "Locked out of my account",
          "SSO login loops back to the sign-in page",
          "Password reset email never arrives"),
      List.of(
          "I reset my password this morning and now the new one is rejected every time. I've"
              + " tried three times and I'm worried I'll get locked out.",
          "I changed phones and the two-factor codes don't come through anymore. I can't get"
              + " into my account at all.",
          "It says my account is locked after too many attempts. I have a client demo in an"
              + " hour, please help!",
          "When I click 'Sign in with SSO' it goes to our identity provider and straight back"
              + " to your login page, over and over.",
          "I've asked for a reset link four times. Nothing in inbox or spam."),
      List.of(
          "I'm sorry for the trouble. I've cleared the failed attempts on your account; please"
              + " try again with the new password in a private browser window.",
          "I've reset two-factor on your account. At your next login you'll be asked to scan a"
              + " new QR code with your authenticator app.",
          "I've unlocked your account. The lock lifts on its own after 30 minutes, but it's"
              + " cleared now so you can log in right away.",
          "The loop happens when the SAML certificate on your side has rotated. Could your IT"
              + " team upload the new certificate under Admin > Security > SSO?",
          "Your domain's mail filter was bouncing our messages. I've sent the link from our"
              + " secondary address; it's valid for one hour.")),
  SHIPPING(
      "shipping",
      4,
      300,
      List.of(
          "Where is my order?",
          "Package marked delivered but not received",
          "Wrong item in my parcel",
          "Can I change the delivery address?",
          "Order stuck in customs"),
      List.of(
          "I ordered ten days ago and the tracking hasn't changed since it left the warehouse."
              + " Can you tell me where it is?",
          "Tracking says the parcel was delivered yesterday but nothing arrived and my"
              + " neighbours have nothing either.",
          "I ordered the blue jacket in size M and received a black one in L.",
          "I'm moving next week. Can the order be sent to my new address instead?",
          "My package has been 'held at customs' for six days. Do I need to do something?"),
      List.of(
          "I've checked with the carrier: the parcel was delayed at a regional hub and is out"
              + " for delivery again; you should have it within two working days.",
          "I've opened an investigation with the carrier and sent a replacement today, so you"
              + " don't have to wait for the outcome.",
          "Sorry about the mix-up! I've emailed a prepaid return label and the right jacket is"
              + " already on its way.",
          "The order hasn't shipped yet, so I've changed the address for you. You'll get a new"
              + " confirmation email shortly.",
          "Customs needs the import duty paid; the carrier sent a payment link by SMS. Once it's"
              + " paid the parcel is released within a day.")),
  REFUNDS(
      "refund",
      1,
      480,
      List.of(
          "Refund not received yet",
          "Want to cancel and get a refund",
          "Partial refund for damaged item",
          "Refund went to an old card",
          "Cancel my subscription renewal"),
      List.of(
          "You confirmed my refund two weeks ago but the money still isn't back.",
          "The product doesn't do what I need. I bought it five days ago; I'd like to cancel"
              + " and get my money back.",
          "One of the three glasses arrived broken. I don't want to return everything, just get"
              + " compensated for the broken one.",
          "The refund was sent to a card I cancelled last year. How do I get it?",
          "My subscription renewed yesterday but I meant to cancel. Can you reverse it?"),
      List.of(
          "The refund left us on the 3rd; here's the reference so your bank can trace it. Banks"
              + " can take up to ten business days.",
          "You're within the 14-day window, so I've cancelled the order and started a full"
              + " refund.",
          "I'm sorry it arrived damaged. I've refunded one glass to your original payment"
              + " method; no need to send anything back.",
          "Refunds to closed cards are returned to us by the bank and we then pay them out by"
              + " bank transfer. Could you reply with your IBAN?",
          "I've reversed the renewal and turned off auto-renew, so nothing further will be"
              + " charged.")),
  BUG(
      "bug",
      3,
      900,
      List.of(
          "Export to CSV produces an empty file",
          "App crashes when uploading photos",
          "Dashboard numbers don't match the report",
          "Notifications stopped working",
          "Search returns no results since the update"),
      List.of(
          "Since yesterday the CSV export downloads a file with only the header row, no data.",
          "The mobile app closes as soon as I pick a photo to upload. Android 14, latest app"
              + " version.",
          "The dashboard shows 1,204 orders last week but the weekly report says 1,187. Which"
              + " is right?",
          "I stopped getting any notifications three days ago, even though they're enabled.",
          "After the latest update search finds nothing, even for exact product names."),
      List.of(
          "Thanks for the detail. I reproduced it: exports with a date filter spanning a DST"
              + " change come back empty. A fix is scheduled; meanwhile split the range in two.",
          "Our developers confirmed a crash with large HEIC photos on Android 14. Version 5.2.1,"
              + " out tomorrow, fixes it.",
          "The dashboard counts by order time in your browser's time zone; the report uses UTC."
              + " Both are right; I've switched your report to your local time zone.",
          "A change on our side unsubscribed some devices. I've re-registered yours; could you"
              + " log out and in once to confirm?",
          "The search index for your workspace failed to rebuild after the update. I've"
              + " triggered a rebuild; results will be back within the hour.")),
  HOW_TO(
      "how_to",
      5,
      240,
      List.of(
          "How do I add a team member?",
          "How to set up automatic reports",
          "Can I change my username?",
          "How do I connect my calendar?",
          "Where do I change notification settings?"),
      List.of(
          "We hired someone new. How do I give them access to our workspace?",
          "I'd like a sales summary emailed to me every Monday. Is that possible?",
          "I'd like to change my username to match my new surname. Can I?",
          "Is there a way to sync my Google Calendar so bookings show up there?",
          "I'm getting too many emails. Where can I turn some of them off?"),
      List.of(
          "Go to Settings > Team > Invite, enter their email and pick a role; they'll get an"
              + " invitation valid for 7 days.",
          "Yes: open Reports, pick the report, click Schedule and choose 'Weekly, Monday'. It's"
              + " sent as a PDF to the addresses you list.",
          "You can change it under Profile > Account. Links that used your old username redirect"
              + " for 30 days.",
          "Under Integrations > Calendar click Connect Google and allow access; new bookings"
              + " sync within a minute.",
          "Under Profile > Notifications you can switch each email type off, or choose a daily"
              + " digest instead."));

  final String tag;
  final int index;
  final int baseHandleSeconds;
  final List<String> subjects;
  final List<String> openings;
  final List<String> answers;

  Topic(
      String tag,
      int index,
      int baseHandleSeconds,
      List<String> subjects,
      List<String> openings,
      List<String> answers) {
    this.tag = tag;
    this.index = index;
    this.baseHandleSeconds = baseHandleSeconds;
    this.subjects = subjects;
    this.openings = openings;
    this.answers = answers;
  }

  static final List<String> FOLLOW_UPS =
      List.of(
          "Thanks, but it still isn't working on my side. Anything else I can try?",
          "I did what you said and nothing changed. Can someone look at it again?",
          "Sorry, one more question: will this happen again next month?",
          "That's not quite what I asked. Could you read my first message again?",
          "I tried that twice. Same result.");
  static final List<String> CLARIFICATIONS =
      List.of(
          "Could you send a screenshot of what you see, and the email address on the account?",
          "To look into this I need the order number from your confirmation email.",
          "Which browser and device are you using? That helps us reproduce it.",
          "Can you confirm the last four digits of the card used?");
  static final List<String> THANKS =
      List.of(
          "That worked, thank you so much!",
          "Perfect, all sorted. Thanks for the quick help.",
          "Great, thanks for explaining.",
          "Got it, thank you.");
  static final List<String> SIGN_OFFS =
      List.of(
          "Glad that's sorted! I'll mark this as solved; just reply if anything else comes up.",
          "Happy to help. Have a great day!",
          "You're welcome. I'll close this ticket now, but a reply reopens it.");
  static final List<String> GOOD_CSAT =
      List.of(
          "Quick and friendly, thanks!",
          "Solved on the first reply, great service.",
          "Very clear explanation.",
          "The agent went above and beyond.");
  static final List<String> BAD_CSAT =
      List.of(
          "Took far too long and I had to explain everything twice.",
          "The answer didn't fix my problem.",
          "Felt like a copy-paste reply.",
          "I was passed around between people.");
}
