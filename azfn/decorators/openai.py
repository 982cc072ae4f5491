"""``azure.functions.decorators.openai`` for azfn: the OpenAI enums and bindings.

The reference's binding classes are private (``_TextCompletionInput``);
azfn's are public, under the same names without the underscore.
"""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.openai import AssistantCreateOutput
from azfn.bindings.openai import AssistantPostInput
from azfn.bindings.openai import AssistantQueryInput
from azfn.bindings.openai import AssistantSkillTrigger
from azfn.bindings.openai import EmbeddingsInput
from azfn.bindings.openai import EmbeddingsStoreOutput
from azfn.bindings.openai import InputType
from azfn.bindings.openai import OpenAIModels
from azfn.bindings.openai import SemanticSearchInput
from azfn.bindings.openai import TextCompletionInput
from azfn.bindings.openai import semantic_search_system_prompt
from azfn.decorators.constants import ASSISTANT_CREATE
from azfn.decorators.constants import ASSISTANT_POST
from azfn.decorators.constants import ASSISTANT_QUERY
from azfn.decorators.constants import ASSISTANT_SKILL_TRIGGER
from azfn.decorators.constants import EMBEDDINGS
from azfn.decorators.constants import EMBEDDINGS_STORE
from azfn.decorators.constants import SEMANTIC_SEARCH
from azfn.decorators.constants import TEXT_COMPLETION
from azfn.enums import DataType
from azfn.enums import StringifyEnum

__all__ = [
    "ASSISTANT_CREATE",
    "ASSISTANT_POST",
    "ASSISTANT_QUERY",
    "ASSISTANT_SKILL_TRIGGER",
    "EMBEDDINGS",
    "EMBEDDINGS_STORE",
    "SEMANTIC_SEARCH",
    "TEXT_COMPLETION",
    "AssistantCreateOutput",
    "AssistantPostInput",
    "AssistantQueryInput",
    "AssistantSkillTrigger",
    "DataType",
    "EmbeddingsInput",
    "EmbeddingsStoreOutput",
    "InputBinding",
    "InputType",
    "OpenAIModels",
    "OutputBinding",
    "SemanticSearchInput",
    "StringifyEnum",
    "TextCompletionInput",
    "Trigger",
    "semantic_search_system_prompt",
]
