// Engine: data sets, the linear model, optimizers and the training session. Nothing here knows terminals.
@_exported import LeastSquares
@_exported import MessageText
