/// A member of staff's correction of the citizen's contact details: the same fields as the appeal's contact step.
typealias ContactCorrectionForm = ContactForm
