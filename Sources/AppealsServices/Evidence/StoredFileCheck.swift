import AppealsDomain
import Foundation

public enum StoredFileCheck: String, Sendable { case intact, missing, altered }
