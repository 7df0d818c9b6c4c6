/// The version of poled and polectl, one place for both.
public enum PoledVersion {
    public static let string = "0.1.0"
}
