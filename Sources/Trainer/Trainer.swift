// Trainer: the interactive app: UI state, layout, widgets, themes and the frame loop.
import Engine
import Plot
import Terminal
