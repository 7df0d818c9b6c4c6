import Glibc
public import PoleHAL

/// How GPIO character-device errors map to the HAL's kinds.
public enum GPIOErrno {
    public static func kind(_ code: Int32) -> HALError.Kind {
        switch code {
        case ENOENT, ENODEV, ENXIO: .notFound
        case EBUSY: .busy
        case EINVAL, EOPNOTSUPP, ENOTTY: .unsupported
        case ETIMEDOUT: .timeout
        case EIO: .bus
        default: .other
        }
    }
}
