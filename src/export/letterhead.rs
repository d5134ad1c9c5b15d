//! The organisation's letterhead atop the minutes, the protocol and the
//! sign-in sheet: its name, an optional logo and a support line ("при
//! поддержке GFA и SDC"). The logo is checked here from its bytes; reading
//! the file is the command's business.

/// What the letterhead shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub organisation: String,
    pub support: String,
    pub logo: Option<Logo>,
}

impl Letterhead {
    pub fn is_empty(&self) -> bool {
        self.organisation.trim().is_empty() && self.support.trim().is_empty() && self.logo.is_none()
    }
}

/// A checked logo image: its bytes, kind and size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }
}

/// Why a logo cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoProblem {
    /// Neither a PNG nor a JPEG, or one whose size cannot be read.
    NotAnImage,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

impl Logo {
    /// Checks the bytes of a PNG or JPEG file and reads its size.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo, LogoProblem> {
        let (kind, (width, height)) = if bytes.starts_with(PNG_SIGNATURE) {
            (ImageKind::Png, png_size(&bytes).ok_or(LogoProblem::NotAnImage)?)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            (ImageKind::Jpeg, jpeg_size(&bytes).ok_or(LogoProblem::NotAnImage)?)
        } else {
            return Err(LogoProblem::NotAnImage);
        };
        if width == 0 || height == 0 {
            return Err(LogoProblem::NotAnImage);
        }
        Ok(Logo { bytes, kind, width, height })
    }

    /// The logo as a `data:` URI, for a self-contained HTML page.
    pub fn data_uri(&self) -> String {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(&self.bytes);
        format!("data:{};base64,{encoded}", self.kind.mime())
    }

    /// Width and height scaled to `height` (keeping the aspect ratio), no
    /// wider than `max_width`.
    pub fn fit(&self, height: u32, max_width: u32) -> (u32, u32) {
        let width = u64::from(height) * u64::from(self.width) / u64::from(self.height);
        if width <= u64::from(max_width) {
            (width as u32, height)
        } else {
            let h = u64::from(max_width) * u64::from(self.height) / u64::from(self.width);
            (max_width, h as u32)
        }
    }
}

/// The IHDR chunk, always first: width and height, big-endian.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((be(16)?, be(20)?))
}

/// Walks the JPEG segments to the first start-of-frame marker.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let length = usize::from(u16::from_be_bytes([*bytes.get(at + 2)?, *bytes.get(at + 3)?]));
        let start_of_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if start_of_frame {
            let be16 = |i: usize| Some(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]));
            return Some((u32::from(be16(at + 7)?), u32::from(be16(at + 5)?)));
        }
        at += 2 + length;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3×2 PNG header (the pixel data does not matter to the check).
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = PNG_SIGNATURE.to_vec();
        bytes.extend([0, 0, 0, 13]);
        bytes.extend(b"IHDR");
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0]);
        bytes
    }

    #[test]
    fn png_and_jpeg_are_recognised_with_their_size_and_anything_else_is_refused() {
        let logo = Logo::from_bytes(png(300, 100)).unwrap();
        assert_eq!((logo.kind, logo.width, logo.height), (ImageKind::Png, 300, 100));
        // SOI, an APP0 segment of 4 bytes, then SOF0: precision, height 40, width 120.
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 40, 0, 120, 3];
        let logo = Logo::from_bytes(jpeg.to_vec()).unwrap();
        assert_eq!((logo.kind, logo.width, logo.height), (ImageKind::Jpeg, 120, 40));
        assert_eq!(Logo::from_bytes(b"GIF89a....".to_vec()), Err(LogoProblem::NotAnImage));
        assert_eq!(Logo::from_bytes(PNG_SIGNATURE.to_vec()), Err(LogoProblem::NotAnImage));
        assert_eq!(Logo::from_bytes(png(0, 10)), Err(LogoProblem::NotAnImage));
    }

    #[test]
    fn a_logo_keeps_its_aspect_ratio_within_the_room_it_is_given() {
        let logo = Logo::from_bytes(png(300, 100)).unwrap();
        assert_eq!(logo.fit(60, 1000), (180, 60));
        assert_eq!(logo.fit(60, 90), (90, 30));
        assert!(logo.data_uri().starts_with("data:image/png;base64,iVBORw0KGgo"));
    }
}
