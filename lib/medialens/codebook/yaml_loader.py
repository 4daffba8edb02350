"""The YAML loader of every codebook file (the codebook and the reporting-verb list).

Why a module of its own: ``loader`` (the codebook) hands its ``reporting_verbs:`` section to
``verbs`` (the attribution lexicon), and both parse YAML the same way; with the loader here
``verbs`` needs nothing from ``loader`` (one-way imports).
"""

from __future__ import annotations

import yaml

#: libyaml's safe loader where PyYAML was built with it (≈ 10× faster), else the pure-Python one
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
