namespace WordRedline.Core.Tests;

/// <summary>Everyday agency, publisher and platform wording written for these tests (not from the labeled corpus):
/// the playbook must read contract language in general, not the sentences it was tuned on.</summary>
[TestClass]
public sealed class GeneralizationTests
{
    [TestMethod]
    [DataRow("Contractor", "Company", "Contractor grants Company an unlimited, unrestricted license to exploit the Materials in all media throughout the universe.", "license-breadth,usage-scope")]
    [DataRow("Contractor", "Client", "Upon payment in full, all rights in the Deliverables transfer to Client.", "ip-assignment")]
    [DataRow("Contractor", "Client", "Client owns all intellectual property rights in the Deliverables.", "ip-assignment")]
    [DataRow("you", "Acme", "We may use your Content to develop and improve our products, including artificial intelligence and machine learning technologies.", "ai-training")]
    [DataRow("you", "Acme", "You grant us the right to use your submissions to train our algorithms.", "ai-training")]
    [DataRow("Photographer", "Licensee", "Licensee may create derivative works based on the Photographs.", "derivative-works")]
    [DataRow("Contractor", "Client", "Client may sublicense the Deliverables to third parties without notice to Contractor.", "data-sharing,license-breadth")]
    [DataRow("Designer", "Agency", "Agency may use the Designs for any purpose whatsoever.", "usage-scope")]
    [DataRow("Writer", "Publisher", "Publisher may exploit the Work by any means now known or hereafter devised.", "usage-scope")]
    [DataRow("Illustrator", "Publisher", "The Illustrator waives all moral rights in the Artwork.", "moral-rights")]
    [DataRow("you", "Acme", "We may share your Content with our affiliates and partners, including providers of AI services.", "data-sharing")]
    [DataRow("Contractor", "Client", "All work product shall be deemed work made for hire and shall vest in Client upon creation.", "ip-assignment")]
    [DataRow("Contractor", "Client", "Client may use Contractor's name in its portfolio.", "")]
    [DataRow("you", "Acme", "We grant you a non-exclusive license to use the Service for personal purposes.", "")]
    [DataRow("Contractor", "Client", "Contractor shall not use Client's confidential information for any purpose other than performing the Services.", "")]
    [DataRow("Contractor", "Client", "Either party may terminate this Agreement for convenience on thirty days' notice.", "")]
    [DataRow("Designer", "Client", "Client shall not use the Deliverables to train, fine-tune or develop any artificial intelligence system.", "ai-protection")]
    [DataRow("you", "Acme", "You may not use the Services to develop models that compete with us.", "")]
    [DataRow("Developer", "Client", "Developer retains all right, title and interest in the Pre-Existing Code.", "")]
    [DataRow("Contractor", "Company", "Company may modify these Terms at any time.", "")]
    [DataRow("Contractor", "Client", "Contractor hereby irrevocably assigns to Client all copyrights in the Work.", "ip-assignment")]
    [DataRow("Contractor", "Client", "Client shall have the exclusive right to reproduce, publish and distribute the Work worldwide.", "license-breadth")]
    [DataRow("you", "Acme", "By uploading content, you grant Acme a perpetual, worldwide license to host, store, reproduce and modify your content.", "license-breadth,derivative-works")]
    [DataRow("you", "Acme", "Your content may be used to train and improve our machine learning models unless you opt out.", "ai-training")]
    [DataRow("you", "Acme", "We use your prompts and outputs to improve model performance.", "ai-training")]
    [DataRow("you", "Acme", "We will never sell your content to third parties.", "")]
    [DataRow("you", "Acme", "We may disclose your information to law enforcement when required by law.", "data-sharing")]
    [DataRow("Designer", "Client", "Designer grants Client a non-exclusive license to use the Final Deliverables solely for the Project.", "")]
    [DataRow("Designer", "Client", "Client may not resell or sublicense the Final Deliverables.", "")]
    [DataRow("Writer", "Publisher", "The Author waives any and all claims of moral rights in the Work to the extent permitted by law.", "moral-rights")]
    [DataRow("Writer", "Publisher", "Publisher may edit, adapt and translate the Work.", "derivative-works")]
    [DataRow("Photographer", "Client", "Client may use the Images in any and all media, now known or hereafter developed, in perpetuity.", "usage-scope,license-breadth")]
    [DataRow("Photographer", "Client", "Client may use the Images for editorial purposes only, for a period of one year.", "")]
    [DataRow("you", "Acme", "You retain ownership of your Content.", "")]
    [DataRow("you", "Acme", "We do not use your content to train our models.", "ai-protection")]
    [DataRow("Contractor", "Company", "Company may provide the Deliverables to its AI vendors and cloud providers.", "data-sharing")]
    [DataRow("Contractor", "Company", "The Company shall be the sole and exclusive owner of all Deliverables.", "ip-assignment")]
    [DataRow("Contractor", "Company", "Contractor agrees that Company may use the Deliverables in connection with generative AI tools.", "ai-training")]
    [DataRow("Contractor", "Company", "This Agreement is governed by the laws of the State of New York.", "")]
    [DataRow("you", "Acme", "We may use aggregated and de-identified data for any lawful purpose.", "usage-scope")]
    [DataRow("Contractor", "Client", "Each party shall keep the other party's Confidential Information confidential and shall not disclose it to any third party.", "")]
    [DataRow("Contractor", "Client", "Client may disclose Confidential Information to its professional advisers and auditors.", "data-sharing")]
    [DataRow("Contractor", "Client", "Contractor may engage subcontractors with Client's prior written consent.", "")]
    [DataRow("Designer", "Client", "Client will credit the Designer in all published uses of the Work.", "")]
    [DataRow("Contractor", "Client", "The license granted herein is non-exclusive, non-transferable and limited to the Territory.", "")]
    [DataRow("Designer", "Client", "Designer shall indemnify Client against third-party claims arising from Designer's breach.", "")]
    [DataRow("you", "Acme", "We collect usage data to operate and improve the Service.", "")]
    [DataRow("you", "Acme", "Users may share links to public content with others.", "")]
    [DataRow("you", "Acme", "You are responsible for all activity under your account.", "")]
    [DataRow("you", "Acme", "If you provide feedback, we may use it without any obligation to you.", "usage-scope")]
    [DataRow("Contractor", "Client", "Client shall pay Contractor within thirty days of receipt of a valid invoice.", "")]
    [DataRow("Contractor", "Client", "Contractor shall deliver the Deliverables in the formats listed in the Statement of Work.", "")]
    [DataRow("Designer", "Client", "Designer may display the Deliverables in Designer's portfolio and on social media.", "")]
    [DataRow("you", "Acme", "We may suspend your account if you violate these Terms.", "")]
    [DataRow("you", "Acme", "Acme may assign these Terms without restriction.", "")]
    [DataRow("you", "StockShot", "We may include your photos in datasets licensed to third parties for the development of machine learning models.", "ai-training,data-sharing")]
    [DataRow("you", "StockShot", "We may license your photos to our customers under our standard license terms.", "data-sharing")]
    [DataRow("Writer", "Publisher", "Publisher may provide the Articles to its syndication partners.", "data-sharing")]
    // Polarity: a subject that denies the permission it governs; a limit on that denial keeps the use.
    [DataRow("Contractor", "Client", "Nothing in this Agreement grants Client any right to use the Deliverables to train machine learning models.", "ai-protection")]
    [DataRow("Writer", "Publisher", "Nothing in this Agreement permits Publisher to use the Work for training artificial intelligence.", "ai-protection")]
    [DataRow("Contractor", "Client", "Nothing in this Agreement limits Client's right to use the Deliverables for any purpose.", "usage-scope")]
    // Direction: the party permitted to hire help gives nothing; other users are third parties, not the party.
    [DataRow("Designer", "Client", "Designer shall be permitted to engage subcontractors to assist with the Services.", "")]
    [DataRow("Contractor", "Company", "Company may engage subcontractors to host the Deliverables.", "data-sharing")]
    [DataRow("you", "Acme", "You grant every other user of the Service a license to use, copy and display your Content.", "data-sharing")]
    [DataRow("you", "Acme", "If you make your Content public, other users may use it.", "data-sharing")]
    [DataRow("you", "Acme", "We provide the Service so that you and other users can use it.", "")]
    [DataRow("you", "Acme", "We may share your content with third-party AI providers that help us deliver the Service.", "data-sharing")]
    // Vocabulary: ownership stated of long subjects and by deeming; open purpose and training in other words.
    [DataRow("Contractor", "Company", "All intellectual property developed by Contractor under this Agreement shall belong exclusively to Company.", "ip-assignment")]
    [DataRow("Writer", "Publisher", "Publisher shall be deemed the author of the Work for all purposes.", "ip-assignment")]
    [DataRow("you", "Acme", "You may send us feedback, which we may use however we see fit.", "usage-scope")]
    [DataRow("Designer", "Agency", "Agency may use the Deliverables in any way it chooses.", "usage-scope")]
    [DataRow("you", "Acme", "Your recordings may be used to teach our speech synthesis system new voices.", "ai-training")]
    [DataRow("you", "Acme", "Inputs and outputs may be reviewed and used to make our AI features better.", "ai-training")]
    [DataRow("Performer", "Company", "Company may change the pitch and tempo of the Recordings.", "derivative-works")]
    [DataRow("Consultant", "Company", "All such reports prepared by Consultant shall be the sole property of Company.", "ip-assignment")]
    // Data-processing terms: the other side's processors receive the data, whenever the clause arranges it.
    [DataRow("Customer", "Vendor", "If Vendor appoints a new subprocessor, it will notify Customer ten days in advance.", "data-sharing")]
    [DataRow("Customer", "Vendor", "In the event Vendor engages a sub-processor to process Customer Data, Vendor remains liable for its performance.", "data-sharing")]
    [DataRow("Customer", "Vendor", "Vendor shall not engage any subprocessor without Customer's prior written consent.", "")]
    [DataRow("Customer", "Vendor", "The parties may share information that is confidential or proprietary.", "")]
    [DataRow("you", "Acme", "Who do we share your personal data with?", "")]
    // Privacy-policy purposes with no subject: training the other side's models is the other side training.
    [DataRow("you", "Acme", "For example, using information to train, develop and improve our machine learning models.", "ai-training")]
    [DataRow("you", "Acme", "| To train our artificial intelligence models | Your Input and Output, subject to your opt-out |", "ai-training")]
    [DataRow("you", "Acme", "To crawl or scrape data from our Services by automated means.", "")]
    [DataRow("you", "Acme", "Our models answer questions, translate and summarize text.", "")]
    [DataRow("Customer", "Vendor", "All Vendor personnel are assigned unique identifiers for systems that hold Customer Data.", "")]
    [DataRow("Customer", "Vendor", "Vendor employees complete security awareness training regarding confidentiality and data security.", "")]
    [DataRow("you", "Acme", "All Materials included in the Services are the property of Acme or its licensors.", "")]
    [DataRow("Customer", "Vendor", "Subprocessors (where applicable): may be used by Vendor to assist in the provision of the Services.", "data-sharing")]
    // An assignment that defines its object in the next sentence is still an assignment; what the party licenses is its own.
    // Unseen AI terms: consent "to us using" makes us the actor; "that is not personal data" denies no use; a verb list
    // shares its object; idioms ("give effect", "extent permitted by law") grant nothing; data handed to the other
    // side or a term in quotes shares nothing; use through vendors does.
    [DataRow("Employee", "Company", "Employee hereby irrevocably assigns and transfers to Company all right, title and interest in all Inventions. \"Inventions\" means all inventions, works of authorship and software that Employee creates during employment.", "ip-assignment")]
    [DataRow("Contractor", "Client", "Contractor grants Client a perpetual licence to use, copy, modify and distribute the Background IP.", "derivative-works,license-breadth")]
    [DataRow("Contractor", "Company", "CONTRACTOR HEREBY ASSIGNS TO COMPANY ALL RIGHT, TITLE AND INTEREST IN AND TO THE DELIVERABLES.", "ip-assignment")]
    [DataRow("Contractor", "Company", "COMPANY SHALL NOT USE THE DELIVERABLES TO TRAIN ANY ARTIFICIAL INTELLIGENCE MODEL.", "ai-protection")]
    [DataRow("Contractor", "Company", "THE DELIVERABLES ARE PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, AND COMPANY MAY USE THEM FOR ANY PURPOSE AT ITS OWN RISK.", "")]
    [DataRow("you", "Acme", "Before accepting a request from an agent, we will require the agent to provide proof that you have authorized it to act on your behalf.", "")]
    [DataRow("you", "Acme", "You authorise and consent to us using your uploads to develop our machine learning technologies.", "ai-training")]
    [DataRow("you", "Acme", "We may use Content that is not personal data to train and improve our artificial intelligence models.", "ai-training")]
    [DataRow("Writer", "Publisher", "Publisher, or any third party it authorises, shall have the right to abridge, translate, adapt, edit or decline to publish the Work.", "data-sharing,derivative-works")]
    [DataRow("you", "Acme", "If any provision is held unenforceable for any reason, the rest will be enforced to the fullest extent permitted by law to give effect to the parties' intentions.", "")]
    [DataRow("you", "Acme", "We have no obligation to review, respond to or act upon any feedback you send us.", "")]
    [DataRow("you", "Acme", "We may use your Content, including through third-party vendors, to operate the Service.", "data-sharing")]
    [DataRow("Contractor", "Client", "Contractor shall comply with all data protection laws when disclosing personal data to Client.", "")]
    [DataRow("you", "Acme", "We may assign these Terms to an affiliate, and you irrevocably consent to any such novation.", "")]
    [DataRow("you", "Acme", "The words “Sell” and “Share” have the meanings given to them in the CCPA.", "")]
    [DataRow("you", "Acme", "We do not use your Content to train our models except when you use the free plan.", "ai-training")]
    [DataRow("you", "Acme", "We never use your Content to train our models, except where you submit it to our public gallery.", "ai-training")]
    [DataRow("you", "Acme", "You and your authorized users may provide input to the Service, such as prompts, files, or fine-tuning data.", "")]
    [DataRow("you", "Acme", "Use the Acme Products with caution: always verify the Output before relying on it or otherwise making it available to third parties.", "")]
    [DataRow("Designer", "Client", "Client owns the text, photographs and other data Client provided for the project.", "")]
    [DataRow("Designer", "Client", "After payment in full, Client will receive a non-exclusive, perpetual, worldwide license to use the Designs.", "license-breadth")]
    [DataRow("Designer", "Client", "All concepts Designer creates become Client's property from the moment of creation.", "ip-assignment")]
    [DataRow("Designer", "Client", "Client's own materials remain Client's sole property.", "")]
    public void Analyze_EverydayClause_FindsExactlyTheRisk(string party, string counterparty, string clause, string expected)
    {
        var preamble = party == "you"
            ? $"These Terms are between you and {counterparty} Inc. (\"{counterparty}\", \"we\" or \"us\")."
            : $"This Agreement is between {counterparty} Holdings LLC (the \"{counterparty}\") and Sam Lee (the \"{party}\").";

        var response = TestText.Analyze(party, preamble, clause);

        var found = response.Categories("p1").Select(c => c.Id()).Distinct().Order(StringComparer.Ordinal).ToList();
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        Assert.AreSequenceEqual(wanted, found, string.Join(", ", response.Findings.Select(f => $"{f.ParagraphId} {f.RuleId} '{f.Quote}'")));
    }

    private static readonly string[] TermsBoilerplate =
    [
        "These Terms of Service are between you and Lumen Labs Inc. (\"Lumen\", \"we\", \"us\").",
        "Limitation of Liability. To the maximum extent permitted by law, in no event shall Lumen be liable for any indirect, incidental, special, consequential or punitive damages, or any loss of profits or revenues, whether incurred directly or indirectly.",
        "Indemnity. You agree to indemnify and hold harmless Lumen and its affiliates, officers, agents and employees from any claim arising out of your use of the Service.",
        "Arbitration. Any dispute arising out of these Terms will be resolved by binding arbitration, and you waive any right to participate in a class action.",
        "Third-Party Links. The Service may contain links to third-party websites that are not owned or controlled by Lumen. We are not responsible for the content of any third-party websites.",
        "Copyright Complaints. We respond to notices of alleged copyright infringement under the Digital Millennium Copyright Act and may terminate accounts of repeat infringers.",
        "Export Controls. You may not use or export the Service in violation of U.S. export laws and regulations.",
        "Privacy. Our Privacy Policy explains how we collect and use personal information when you use the Service.",
        "Termination. We may suspend or terminate your access to the Service at any time if you breach these Terms.",
        "Fees. You agree to pay all fees in accordance with the pricing in effect when the fees are incurred. All fees are non-refundable except as required by law.",
        "Changes. We may modify these Terms from time to time; the modified Terms will be effective when posted.",
        "Beta Features. Beta features are provided as is and may be discontinued at any time without notice.",
        "Security. You are responsible for safeguarding your password and for any activities or actions under your account.",
        "Governing Law. These Terms are governed by the laws of the State of California, without regard to its conflict of law provisions.",
        "Severability. If any provision of these Terms is held invalid, the remaining provisions will remain in full force and effect.",
        "No Waiver. Our failure to enforce any right or provision of these Terms will not be considered a waiver of those rights.",
        "Assignment. You may not assign these Terms without our prior written consent; we may assign them in connection with a merger or acquisition.",
        "Notices. We may provide notices to you by email or by posting them on the Service.",
    ];

    private static readonly string[] ConsultingBoilerplate =
    [
        "This Consulting Agreement is made between Brightwave Studio Ltd (the \"Company\") and Dana Cruz (the \"Consultant\").",
        "Independent Contractor. Consultant is an independent contractor and not an employee of the Company, and is responsible for all taxes on fees received.",
        "Confidentiality. Consultant shall hold all Confidential Information in strict confidence and shall not use it except to perform the Services.",
        "Non-Solicitation. During the term and for six months after, Consultant shall not solicit any employee of the Company.",
        "Insurance. Consultant shall maintain professional liability insurance with limits of at least $1,000,000 per claim.",
        "Expenses. The Company will reimburse reasonable pre-approved travel expenses within 30 days of receipt of receipts.",
        "Term. This Agreement begins on the Effective Date and continues until the Services are complete, unless terminated earlier.",
        "Return of Materials. On termination, Consultant shall return all Company property and Confidential Information.",
        "Publicity. Neither party shall issue any press release about this Agreement without the other party's prior written consent.",
        "Force Majeure. Neither party is liable for delays caused by events beyond its reasonable control.",
        "Subcontracting. Consultant may not subcontract the Services without the Company's prior written approval.",
        "Portfolio. Consultant may display the Deliverables in Consultant's portfolio after public release.",
        "Counterparts. This Agreement may be executed in counterparts, each of which is an original.",
    ];

    [TestMethod]
    public void Analyze_TermsOfServiceBoilerplate_NoFinding()
    {
        var response = TestText.Analyze(null!, TermsBoilerplate);

        Assert.IsEmpty(response.Findings, string.Join("; ", response.Findings.Select(f => $"{f.ParagraphId} {f.RuleId} '{f.Quote}'")));
        Assert.IsEmpty(response.DocumentFindings);
    }

    [TestMethod]
    public void Analyze_ConsultingBoilerplate_NoFinding()
    {
        var response = TestText.Analyze(null!, ConsultingBoilerplate);

        Assert.AreEqual("Consultant", response.Party.Name);
        Assert.IsEmpty(response.Findings, string.Join("; ", response.Findings.Select(f => $"{f.ParagraphId} {f.RuleId} '{f.Quote}'")));
    }

    [TestMethod]
    public void Analyze_RecipientsListedWithoutBullets_EachIsASharing()
    {
        // A privacy notice copied without its bullets: the recipients are unmarked lines under the lead-in.
        var response = TestText.Analyze("you",
            "This Privacy Notice explains how Lumen Labs Inc. (\"Lumen\", \"we\", \"us\") handles your personal data.",
            "We may share your personal data with the following parties:",
            "Payment Processors. Banks and card networks that process your payments",
            "Hosting Providers. The companies that store our backups",
            "We keep your personal data for as long as your account is open.");

        Assert.Contains(Category.DataSharing, response.Categories("p1").ToList());
        Assert.Contains(Category.DataSharing, response.Categories("p2").ToList());
        Assert.Contains(Category.DataSharing, response.Categories("p3").ToList());
        Assert.IsEmpty(response.Categories("p4").ToList());
    }

    [TestMethod]
    public void Analyze_PurposesListedWithoutBullets_CompleteTheirLeadIn()
    {
        var response = TestText.Analyze("you",
            "This Privacy Notice explains how Lumen Labs Inc. (\"Lumen\", \"we\", \"us\") handles your personal data.",
            "To keep the service running, we:",
            "Disclose your personal data to our hosting vendors and security consultants.",
            "We do not sell your personal data.");

        Assert.Contains(Category.DataSharing, response.Categories("p2").ToList());
        Assert.IsEmpty(response.Categories("p3").ToList());
    }

    [TestMethod]
    public void Analyze_NumberedRightsUnderALicenceLeadIn_ReadWithTheLicence()
    {
        // The list counts from 1 again under section 5, and each item opens with a heading of its own.
        var response = TestText.Analyze("you",
            "These Terms are between you and Lumen Labs Inc. (\"Lumen\", \"we\", \"us\").",
            "5. Our Licence to Your Content. You keep ownership of your Content.",
            "By sharing Content, you grant us a worldwide, non-exclusive, royalty-free license to:",
            "1.  Adapt and Display Content: Reproduce, modify, adapt and display your Content in any format or media.",
            "2.  Publish Content: Publish and communicate your Content to the public on our website.");

        Assert.Contains(Category.DerivativeWorks, response.Categories("p3").ToList());
        Assert.Contains(Category.UsageScope, response.Categories("p3").ToList());
        Assert.DoesNotContain(Category.DataSharing, response.Categories("p4").ToList());
    }

    [TestMethod]
    public void Analyze_FeedbackUsedWithoutCompensationOrObligation_IsFreeUse()
    {
        var response = TestText.Analyze("you",
            "These Terms are between you and Lumen Labs Inc. (\"Lumen\", \"we\", \"us\").",
            "You agree that Lumen may use your ideas, suggestions and feedback without compensation or obligation to you.");

        Assert.Contains(Category.UsageScope, response.Categories("p1").ToList());
    }

    [TestMethod]
    public void Analyze_PrivacyTablesWrittenAsText_ReadByTheirHeaders()
    {
        var response = TestText.Analyze("you",
            "This Privacy Notice explains how Lumen Labs Inc. (\"Lumen\", \"we\", \"us\") handles your personal data.",
            "| Categories of recipients | Categories of data | Reason for disclosing |",
            "| --- | --- | --- |",
            "| Payment partners | User Data | So they can process your payments. |",
            "| Purpose for processing your data | Categories of personal data used |",
            "| --- | --- |",
            "| To develop new features, including development and training of machine learning models. | User Data, Usage Data |",
            "| To keep the service secure. | Usage Data |",
            "| Third party sources that we receive your data from | Description |",
            "| --- | --- |",
            "| Payment partners | They send us payment confirmations. |");

        Assert.Contains(Category.DataSharing, response.Categories("p3").ToList());
        Assert.Contains(Category.AiTraining, response.Categories("p6").ToList());
        Assert.IsEmpty(response.Categories("p7").ToList());
        Assert.IsEmpty(response.Categories("p10").ToList());
    }

    [TestMethod]
    public void Analyze_ItemsUnderAProhibitingLeadIn_RestrictTheParty()
    {
        var response = TestText.Analyze("you",
            "These Terms are between you and Lumen Labs Inc. (\"Lumen\", \"we\", \"us\").",
            "You may not access or use the Service, or allow others to access or use it, in any manner that would:",
            "Be unlawful, including conduct that copies or distributes in any form material that infringes the rights of others;",
            "Engage in the scraping of photographs from the internet to build face recognition datasets.");

        Assert.IsEmpty(response.Categories("p2").ToList());
        Assert.IsEmpty(response.Categories("p3").ToList());
    }
}
