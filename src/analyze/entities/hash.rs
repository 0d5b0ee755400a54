//! Deterministic 64-bit hashing of strings and feature keys: no allocation, no
//! per-process random seed, so a model trained on one machine reads the same everywhere.

/// FNV-1a offset basis: the hash of the empty string.
pub(crate) const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feeds one byte slice into a running FNV-1a hash.
#[inline]
pub(crate) fn feed(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// Feeds one character (UTF-8 encoded) into a running hash.
#[inline]
pub(crate) fn feed_char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    feed(h, c.encode_utf8(&mut buf).as_bytes())
}

/// Hash of a string.
#[cfg(test)]
pub(crate) fn str_hash(s: &str) -> u64 {
    feed(EMPTY, s.as_bytes())
}

/// Hash of a string's lowercase form, computed without allocating.
#[cfg(test)]
pub(crate) fn lower_hash(s: &str) -> u64 {
    let mut h = EMPTY;
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = feed_char(h, l);
        }
    }
    h
}

/// Mixes two 64-bit values into one (splitmix64 finaliser over a combination).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b.rotate_left(29).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of a feature made of a template number and a value hash.
#[inline]
pub(crate) fn feature(template: u32, value: u64) -> u64 {
    mix(
        u64::from(template).wrapping_mul(0x2545_f491_4f6c_dd1d),
        value,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case() {
        assert_eq!(lower_hash("WASHINGTON"), lower_hash("washington"));
        assert_eq!(lower_hash("Ärger"), str_hash("ärger"));
        assert_ne!(lower_hash("Bush"), lower_hash("Busch"));
    }

    #[test]
    fn features_differ_by_template() {
        let v = str_hash("x");
        assert_ne!(feature(1, v), feature(2, v));
        assert_eq!(feature(1, v), feature(1, v));
    }
}
