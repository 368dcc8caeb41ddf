/// The drawing surface that chart layout draws through; backends implement it.
public protocol Renderer {}
