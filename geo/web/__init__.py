"""What the Streamlit page shows and does, without Streamlit: view state and actions.

``app.py`` at the top of the repository is the only place that draws widgets.
"""
