import CommonMark

/// The slugger lives in `CommonMark` so the link linter and the page agree on
/// anchors; the page code names it from here.
public typealias HeadingSlugger = CommonMark.HeadingSlugger
