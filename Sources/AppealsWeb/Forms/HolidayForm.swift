/// Adding (day and name) or removing (day) a holiday.
struct HolidayForm: WebForm {
    /// YYYY-MM-DD.
    let day: String?
    let name: String?
}
